package io.eventshop.sql.format;

import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.formats.avro.RowDataToAvroConverters;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;

/**
 * Writes rows in the Confluent wire format: the Avro schema of the columns (flink-avro's
 * conversion) is registered under {@code subject} when the task opens, and every record carries
 * its id.
 */
final class AvroRowSerializer implements SerializationSchema<RowData> {

  private static final long serialVersionUID = 1L;

  private final RowType rowType;
  private final String subject;
  private final String registryName;
  private final String registryUrl;
  private transient Schema schema;
  private transient int id;
  private transient RowDataToAvroConverters.RowDataToAvroConverter converter;
  private transient GenericDatumWriter<GenericRecord> writer;
  private transient BinaryEncoder encoder;

  AvroRowSerializer(RowType rowType, String subject, String registryName, String registryUrl) {
    this.rowType = rowType;
    this.subject = subject;
    this.registryName = registryName;
    this.registryUrl = registryUrl;
  }

  /** The Avro schema the rows of {@code rowType} are written in, named after the subject. */
  static Schema schemaOf(RowType rowType, String subject) {
    String name = subject.replaceAll("[^A-Za-z0-9_]", "_");
    return AvroSchemaConverter.convertToSchema(rowType, "io.eventshop.sql." + name);
  }

  @Override
  public void open(InitializationContext context) {
    SchemaRegistryClient registry = RegistryClients.get(registryName, registryUrl);
    schema = schemaOf(rowType, subject);
    id = registry.register(subject, schema);
    converter = RowDataToAvroConverters.createConverter(rowType);
    writer = new GenericDatumWriter<>(schema);
  }

  @Override
  public byte[] serialize(RowData row) {
    try {
      ByteArrayOutputStream out = WireFormat.startWith(id);
      encoder = EncoderFactory.get().binaryEncoder(out, encoder);
      writer.write((GenericRecord) converter.convert(schema, row), encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
