package io.eventshop.sql.format;

import java.util.Set;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.format.DecodingFormat;
import org.apache.flink.table.connector.format.EncodingFormat;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.factories.DeserializationFormatFactory;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.SerializationFormatFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The Flink format {@code eventshop-avro}: Avro in the Confluent wire format through our schema
 * registry, both ways (Flink's own {@code avro-confluent} needs Confluent's client, which is not
 * served here). Options, under the format's prefix ({@code value.eventshop-avro.…}):
 * {@code registry} the name of a client registered in this JVM ({@link RegistryClients}),
 * {@code url} the registry's URL for a JVM without one (a remote cluster), {@code subject} where
 * written rows register their schema (default {@code <topic>-value}).
 */
public final class EventshopAvroFormatFactory
    implements DeserializationFormatFactory, SerializationFormatFactory {

  public static final String IDENTIFIER = "eventshop-avro";

  public static final ConfigOption<String> REGISTRY = ConfigOptions.key("registry")
      .stringType().defaultValue("default")
      .withDescription("the name of the registry client registered in this JVM");
  public static final ConfigOption<String> URL = ConfigOptions.key("url").stringType()
      .noDefaultValue().withDescription("the schema registry's URL");
  public static final ConfigOption<String> SUBJECT = ConfigOptions.key("subject").stringType()
      .noDefaultValue().withDescription("the subject written rows register under");

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(REGISTRY, URL, SUBJECT);
  }

  @Override
  public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
      DynamicTableFactory.Context context, ReadableConfig options) {
    String registry = options.get(REGISTRY);
    String url = options.getOptional(URL).orElse(null);
    return new DecodingFormat<>() {
      @Override
      public DeserializationSchema<RowData> createRuntimeDecoder(
          DynamicTableSource.Context source, DataType physicalDataType) {
        return new AvroRowDeserializer((RowType) physicalDataType.getLogicalType(),
            source.createTypeInformation(physicalDataType), registry, url);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  @Override
  public EncodingFormat<SerializationSchema<RowData>> createEncodingFormat(
      DynamicTableFactory.Context context, ReadableConfig options) {
    String registry = options.get(REGISTRY);
    String url = options.getOptional(URL).orElse(null);
    String topic = context.getCatalogTable().getOptions().get("topic");
    String subject = options.getOptional(SUBJECT).orElse(topic + "-value");
    return new EncodingFormat<>() {
      @Override
      public SerializationSchema<RowData> createRuntimeEncoder(DynamicTableSink.Context sink,
                                                               DataType physicalDataType) {
        return new AvroRowSerializer((RowType) physicalDataType.getLogicalType(), subject,
            registry, url);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }
}
