package io.eventshop.connect.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema.Type;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

class ConnectToAvroSchemaTest {

  private final ConnectToAvroSchema mapping = new ConnectToAvroSchema(10);

  @Test
  void aFlatDebeziumRowIsARecordWithOptionalUnionsDefaultingToNull() {
    org.apache.avro.Schema row = mapping.toAvro(DebeziumLikeSchemas.ROW);

    assertThat(row.getType()).isEqualTo(Type.RECORD);
    assertThat(row.getNamespace()).isEqualTo("crm.public.customer");
    assertThat(row.getName()).isEqualTo("Value");
    assertThat(row.getFields()).extracting(org.apache.avro.Schema.Field::name).containsExactly(
        "id", "name", "email", "status", "credit_limit", "birthday", "created_at", "__deleted");
    assertThat(row.getField("id").schema().getType()).isEqualTo(Type.LONG);
    assertThat(row.getField("name").schema().getType()).isEqualTo(Type.STRING);
    for (String optional : new String[] {"email", "status", "credit_limit", "birthday",
        "created_at", "__deleted"}) {
      org.apache.avro.Schema.Field field = row.getField(optional);
      assertThat(field.schema().getType()).as(optional).isEqualTo(Type.UNION);
      assertThat(field.schema().getTypes().get(0).getType()).as(optional).isEqualTo(Type.NULL);
      assertThat(field.defaultVal()).as(optional).isEqualTo(JsonProperties.NULL_VALUE);
    }
    assertThat(branch(row, "credit_limit").getLogicalType())
        .isEqualTo(LogicalTypes.decimal(12, 2));
    assertThat(branch(row, "birthday").getLogicalType()).isEqualTo(LogicalTypes.date());
    assertThat(branch(row, "created_at").getType()).isEqualTo(Type.LONG);
    assertThat(branch(row, "created_at").getProp("connect.name"))
        .isEqualTo("io.debezium.time.MicroTimestamp");
  }

  @Test
  void aConsumerWithItsOwnSchemaOfTheRowReadsWhatTheConverterWrites() throws IOException {
    org.apache.avro.Schema consumers = new org.apache.avro.Schema.Parser().parse("""
        {"type": "record", "name": "Value", "namespace": "crm.public.customer", "fields": [
          {"name": "id", "type": "long"},
          {"name": "email", "type": ["null", "string"], "default": null},
          {"name": "created_at", "type": ["null", "long"], "default": null}
        ]}""");
    org.apache.avro.Schema written = mapping.toAvro(DebeziumLikeSchemas.ROW);
    Object datum = ConnectToAvroValue.convert(DebeziumLikeSchemas.ROW, written,
        DebeziumLikeSchemas.row(42));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<>(written).write(datum, encoder);
    encoder.flush();

    GenericRecord read = new GenericDatumReader<GenericRecord>(written, consumers)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

    assertThat(read.get("id")).isEqualTo(42L);
    assertThat(read.get("email")).isEqualTo(new Utf8("ada@example.com"));
    assertThat(read.get("created_at")).isEqualTo(1_764_590_400_123_456L);
  }

  @Test
  void theEnvelopeDefinesTheRowRecordOnceForBeforeAndAfter() {
    org.apache.avro.Schema envelope = mapping.toAvro(DebeziumLikeSchemas.ENVELOPE);

    assertThat(branch(envelope, "after")).isSameAs(branch(envelope, "before"));
    assertThat(envelope.getField("source").schema().getFullName())
        .isEqualTo("io.debezium.connector.postgresql.Source");
    assertThat(new org.apache.avro.Schema.Parser().parse(envelope.toString()))
        .isEqualTo(envelope);
  }

  @Test
  void differentStructsOfOneNameGetNumberedRecordNames() {
    Schema first = SchemaBuilder.struct().name("test.Part").field("a", Schema.INT32_SCHEMA)
        .build();
    Schema second = SchemaBuilder.struct().name("test.Part").field("b", Schema.STRING_SCHEMA)
        .build();
    Schema whole = SchemaBuilder.struct().name("test.Whole").field("first", first)
        .field("second", second).build();

    org.apache.avro.Schema avro = mapping.toAvro(whole);

    assertThat(avro.getField("first").schema().getFullName()).isEqualTo("test.Part");
    assertThat(avro.getField("second").schema().getFullName()).isEqualTo("test.Part2");
    assertThat(new org.apache.avro.Schema.Parser().parse(avro.toString())).isEqualTo(avro);
  }

  @Test
  void unnamedStructsGetStableGeneratedNames() {
    Schema unnamed = SchemaBuilder.struct()
        .field("inner", SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build())
        .build();

    org.apache.avro.Schema avro = mapping.toAvro(unnamed);

    assertThat(avro.getFullName()).isEqualTo("io.eventshop.connect.avro.ConnectDefault2");
    assertThat(avro.getField("inner").schema().getFullName())
        .isEqualTo("io.eventshop.connect.avro.ConnectDefault");
    assertThat(new ConnectToAvroSchema(10).toAvro(unnamed)).isEqualTo(avro);
    assertThat(AvroToConnectSchema.toConnect(avro)).isEqualTo(unnamed);
  }

  @Test
  void structNamesAreSanitisedIntoLegalAvroNamesKeepingTheConnectName() {
    Schema schema = SchemaBuilder.struct().name("crm-db.public.order line.Value")
        .field("id", Schema.INT64_SCHEMA).build();

    org.apache.avro.Schema avro = mapping.toAvro(schema);

    assertThat(avro.getNamespace()).isEqualTo("crm_db.public.order_line");
    assertThat(avro.getName()).isEqualTo("Value");
    assertThat(avro.getProp("connect.name")).isEqualTo("crm-db.public.order line.Value");
  }

  @Test
  void aDecimalWithoutPrecisionGetsTheDefaultPrecision() {
    org.apache.avro.Schema avro = mapping.toAvro(Decimal.schema(3));

    assertThat(avro.getType()).isEqualTo(Type.BYTES);
    assertThat(avro.getLogicalType()).isEqualTo(
        LogicalTypes.decimal(ConnectToAvroSchema.DEFAULT_DECIMAL_PRECISION, 3));
    assertThat(AvroToConnectSchema.toConnect(avro)).isEqualTo(Decimal.schema(3));
  }

  @Test
  void int8AndInt16AreAvroIntsMarkedWithTheirConnectType() {
    assertThat(mapping.toAvro(Schema.INT8_SCHEMA).getType()).isEqualTo(Type.INT);
    assertThat(mapping.toAvro(Schema.INT8_SCHEMA).getProp("connect.type")).isEqualTo("int8");
    assertThat(mapping.toAvro(Schema.INT16_SCHEMA).getProp("connect.type")).isEqualTo("int16");
    assertThat(mapping.toAvro(Schema.INT32_SCHEMA).getProp("connect.type")).isNull();
  }

  @Test
  void anOptionalFieldWithADefaultPutsItsTypeFirstAndKeepsTheDefault() {
    Schema schema = SchemaBuilder.struct().name("test.Defaults")
        .field("status", SchemaBuilder.string().optional().defaultValue("new").build())
        .field("count", SchemaBuilder.int16().defaultValue((short) 3).build())
        .field("blob", SchemaBuilder.bytes().defaultValue(new byte[] {1, 2}).build())
        .build();

    org.apache.avro.Schema avro = mapping.toAvro(schema);

    org.apache.avro.Schema.Field status = avro.getField("status");
    assertThat(status.schema().getTypes()).extracting(org.apache.avro.Schema::getType)
        .containsExactly(Type.STRING, Type.NULL);
    assertThat(status.defaultVal()).isEqualTo("new");
    assertThat(avro.getField("count").defaultVal()).isEqualTo(3);
    Schema back = AvroToConnectSchema.toConnect(avro);
    assertThat(back.field("status").schema()).isEqualTo(schema.field("status").schema());
    assertThat(back.field("count").schema()).isEqualTo(schema.field("count").schema());
    assertThat((byte[]) back.field("blob").schema().defaultValue()).containsExactly(1, 2);
  }

  @Test
  void mapsWithNonStringKeysAreArraysOfKeyValueRecords() {
    Schema map = SchemaBuilder.map(Schema.INT64_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build();

    org.apache.avro.Schema avro = mapping.toAvro(map);

    assertThat(avro.getType()).isEqualTo(Type.ARRAY);
    assertThat(avro.getElementType().getFields()).extracting(org.apache.avro.Schema.Field::name)
        .containsExactly("key", "value");
    assertThat(mapping.toAvro(SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA)
        .build()).getType()).isEqualTo(Type.MAP);
    assertThat(AvroToConnectSchema.toConnect(avro)).isEqualTo(map);
  }

  @Test
  void mapsEqualConnectSchemasOnceAndGivesTheCachedAvroSchema() {
    Schema same = SchemaBuilder.struct().name("crm.public.customer.Value")
        .field("id", Schema.INT64_SCHEMA).build();
    Schema equal = SchemaBuilder.struct().name("crm.public.customer.Value")
        .field("id", Schema.INT64_SCHEMA).build();

    assertThat(mapping.toAvro(equal)).isSameAs(mapping.toAvro(same));
  }

  private static org.apache.avro.Schema branch(org.apache.avro.Schema record, String field) {
    return Arrays.stream(record.getField(field).schema().getTypes().toArray(
        org.apache.avro.Schema[]::new)).filter(type -> type.getType() != Type.NULL)
        .findFirst().orElseThrow();
  }
}
