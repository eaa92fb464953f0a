package io.eventshop.contracts.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Reads Avro records in the Confluent wire format whose schema is not one of ours: the rows a
 * Kafka Connect source writes (Debezium's change events of the legacy CRM), whose schema follows
 * the source table. Each record is read with the schema it was written with, by id, as a
 * {@link GenericRecord}; the reader decides which fields it needs. Null stays null.
 *
 * <p>A payload that cannot be decoded throws Kafka's {@link SerializationException} naming the
 * topic and the cause, which a dead-letter handler records.
 */
public final class GenericAvroDeserializer implements Deserializer<GenericRecord> {

  private final Map<Integer, DatumReader<GenericRecord>> readersById = new ConcurrentHashMap<>();
  private final SchemaRegistryClient registry;

  public GenericAvroDeserializer(SchemaRegistryClient registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * A serde for the sources of a topology: it reads like this class and refuses to write, since
   * such records are read as they were written, never written back.
   */
  public static Serde<GenericRecord> readOnlySerde(SchemaRegistryClient registry) {
    Serializer<GenericRecord> refusing = (topic, record) -> {
      throw new UnsupportedOperationException("records of " + topic
          + " are read as they were written, never written back");
    };
    return Serdes.serdeFrom(refusing, new GenericAvroDeserializer(registry));
  }

  @Override
  public GenericRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId("a record", topic, data);
    DatumReader<GenericRecord> reader =
        readersById.computeIfAbsent(id, key -> readerFor(topic, key));
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
          data.length - WireFormat.HEADER_SIZE, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot read a record from " + topic + " with schema id "
          + id + " (truncated or not of that schema): " + e, e);
    }
  }

  private DatumReader<GenericRecord> readerFor(String topic, int id) {
    try {
      return new GenericDatumReader<>(registry.getById(id));
    } catch (SchemaRegistryException e) {
      throw new SerializationException("cannot read a record from " + topic
          + ": unknown schema id " + id + ": " + e.getMessage(), e);
    }
  }
}
