package io.eventshop.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class GenericAvroDeserializerTest {

  private static final String TOPIC = "crm.public.customer";
  private static final Schema ROW = SchemaBuilder.record("Value").namespace("crm.public.customer")
      .fields().requiredLong("id").optionalString("email").endRecord();

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final GenericAvroDeserializer deserializer = new GenericAvroDeserializer(registry);

  @Test
  void readsARowWithTheSchemaItWasWrittenWith() throws IOException {
    GenericRecord row = new GenericData.Record(ROW);
    row.put("id", 42L);
    row.put("email", "ada@example.com");

    GenericRecord read = deserializer.deserialize(TOPIC, written(row));

    assertThat(read.getSchema()).isEqualTo(ROW);
    assertThat(read.get("id")).isEqualTo(42L);
    assertThat(read.get("email")).hasToString("ada@example.com");
  }

  @Test
  void keepsATombstoneATombstone() {
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }

  @Test
  void refusesBytesThatAreNotTheWireFormatNamingTheTopic() {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(TOPIC).hasMessageContaining("unknown magic byte 1");
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than");
  }

  @Test
  void refusesAnUnknownSchemaIdAndATruncatedRow() throws IOException {
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 0x30, 0x39, 2}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema id 12345");
    GenericRecord row = new GenericData.Record(ROW);
    row.put("id", 1L);
    byte[] whole = written(row);
    byte[] truncated = java.util.Arrays.copyOf(whole, WireFormat.HEADER_SIZE);
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class).hasMessageContaining("truncated");
  }

  private byte[] written(GenericRecord row) throws IOException {
    int id = registry.register(TOPIC + "-value", row.getSchema());
    ByteArrayOutputStream out = WireFormat.startWith(id);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(row.getSchema()).write(row, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
