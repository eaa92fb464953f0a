package io.eventshop.sql.format;

import java.util.Map;
import java.util.Properties;
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
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Flink format {@code eventshop-avro}: Avro in the Confluent wire format through our schema
 * registry, both ways (Flink's own {@code avro-confluent} needs Confluent's client, which is not
 * served here). Options, under the format's prefix ({@code value.eventshop-avro.…}):
 * {@code registry} the name of a client registered in this JVM ({@link RegistryClients}),
 * {@code url} the registry's URL for a JVM without one (a remote cluster), {@code subject} where
 * written rows register their schema (default {@code <topic>-value}), {@code dead-letters}
 * whether a record that cannot be read goes to {@code <topic>.dlq} through the table's Kafka
 * {@code properties.*} (default false: it is skipped with a warning).
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

  public static final ConfigOption<Boolean> DEAD_LETTERS = ConfigOptions.key("dead-letters")
      .booleanType().defaultValue(false)
      .withDescription("whether records that cannot be read go to <topic>.dlq");

  private static final String KAFKA_PROPERTIES = "properties.";

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
    return Set.of(REGISTRY, URL, SUBJECT, DEAD_LETTERS);
  }

  @Override
  public DecodingFormat<DeserializationSchema<RowData>> createDecodingFormat(
      DynamicTableFactory.Context context, ReadableConfig options) {
    String registry = options.get(REGISTRY);
    String url = options.getOptional(URL).orElse(null);
    Map<String, String> table = context.getCatalogTable().getOptions();
    String deadLetterSource = options.get(DEAD_LETTERS) ? table.get("topic") : null;
    Properties producer = deadLetterProducer(table);
    return new DecodingFormat<>() {
      @Override
      public DeserializationSchema<RowData> createRuntimeDecoder(
          DynamicTableSource.Context source, DataType physicalDataType) {
        return new AvroRowDeserializer((RowType) physicalDataType.getLogicalType(),
            source.createTypeInformation(physicalDataType), registry, url, deadLetterSource,
            producer);
      }

      @Override
      public ChangelogMode getChangelogMode() {
        return ChangelogMode.insertOnly();
      }
    };
  }

  /** The settings of the table's Kafka connection that a producer takes. */
  private static Properties deadLetterProducer(Map<String, String> table) {
    Properties producer = new Properties();
    table.forEach((key, value) -> {
      String name = key.startsWith(KAFKA_PROPERTIES) ? key.substring(KAFKA_PROPERTIES.length())
          : "";
      if (ProducerConfig.configNames().contains(name)
          && !name.equals(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG)) {
        producer.setProperty(name, value);
      }
    });
    producer.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    return producer;
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
