package io.eventshop.connect.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class AvroToConnectSchemaTest {

  @Test
  void readsAnAvroSchemaThatConnectDidNotWrite() {
    Schema schema = AvroToConnectSchema.toConnect(parse("""
        {"type": "record", "name": "Shipment", "namespace": "partner.logistics",
         "doc": "A parcel on its way.", "fields": [
          {"name": "carrier", "type": {"type": "enum", "name": "Carrier",
                                       "symbols": ["POST", "DHL"]}},
          {"name": "tracking", "type": {"type": "fixed", "name": "Tracking", "size": 8}},
          {"name": "note", "type": ["null", "string"], "default": null},
          {"name": "weight", "type": ["double", "null"], "default": 1.5},
          {"name": "fee", "type": {"type": "bytes", "logicalType": "decimal",
                                   "precision": 9, "scale": 2}},
          {"name": "shippedOn", "type": {"type": "int", "logicalType": "date"}},
          {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
          {"name": "micros", "type": {"type": "long", "logicalType": "timestamp-micros"}}
        ]}"""));

    assertThat(schema.name()).isEqualTo("partner.logistics.Shipment");
    assertThat(schema.doc()).isEqualTo("A parcel on its way.");
    assertThat(schema.field("carrier").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.field("tracking").schema().type()).isEqualTo(Schema.Type.BYTES);
    assertThat(schema.field("note").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
    assertThat(schema.field("weight").schema().isOptional()).isTrue();
    assertThat(schema.field("weight").schema().defaultValue()).isEqualTo(1.5);
    assertThat(schema.field("fee").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
    assertThat(schema.field("fee").schema().parameters())
        .containsEntry(Decimal.SCALE_FIELD, "2").containsEntry("connect.decimal.precision", "9");
    assertThat(schema.field("shippedOn").schema()).isEqualTo(Date.SCHEMA);
    assertThat(schema.field("at").schema()).isEqualTo(Timestamp.SCHEMA);
    assertThat(schema.field("micros").schema()).isEqualTo(Schema.INT64_SCHEMA);
  }

  @Test
  void anEventsPayloadOfOneOfSeveralKindsIsAStructWithAFieldPerKindAndTheDatumsSet() {
    org.apache.avro.Schema event = parse("""
        {"type": "record", "name": "ParcelEvent", "namespace": "partner.logistics", "fields": [
          {"name": "parcel", "type": "string"},
          {"name": "payload", "type": [
            {"type": "record", "name": "Shipped", "fields": [{"name": "carrier", "type": "string"}]},
            {"type": "record", "name": "Delivered", "fields": [{"name": "signedBy", "type": "string"}]},
            {"type": "record", "name": "Lost", "fields": []}
          ]},
          {"name": "note", "type": ["null", "string", "int"], "default": null}
        ]}""");
    Schema schema = AvroToConnectSchema.toConnect(event);
    GenericData.Record delivered = new GenericData.Record(
        event.getField("payload").schema().getTypes().get(1));
    delivered.put("signedBy", "Ada");
    GenericData.Record datum = new GenericData.Record(event);
    datum.put("parcel", "p-1");
    datum.put("payload", delivered);
    datum.put("note", 7);

    Struct value = (Struct) AvroToConnectValue.convert(event, schema, datum);

    Schema payload = schema.field("payload").schema();
    assertThat(payload.type()).isEqualTo(Schema.Type.STRUCT);
    assertThat(payload.isOptional()).isFalse();
    assertThat(payload.fields()).extracting(Field::name)
        .containsExactly("Shipped", "Delivered", "Lost");
    assertThat(payload.field("Lost").schema()).as("a kind without fields")
        .isEqualTo(Schema.OPTIONAL_BOOLEAN_SCHEMA);
    assertThat(payload.field("Shipped").schema().isOptional()).isTrue();
    assertThat(payload.field("Delivered").schema().name())
        .isEqualTo("partner.logistics.Delivered");
    Schema note = schema.field("note").schema();
    assertThat(note.isOptional()).as("null is one of its types").isTrue();
    assertThat(note.fields()).extracting(Field::name).containsExactly("string", "int");
    assertThat(value.getStruct("payload").get("Shipped")).isNull();
    assertThat(value.getStruct("payload").getStruct("Delivered").getString("signedBy"))
        .isEqualTo("Ada");
    assertThat(value.getStruct("payload").get("Lost")).isNull();
    datum.put("payload", new GenericData.Record(
        event.getField("payload").schema().getTypes().get(2)));
    assertThat(((Struct) AvroToConnectValue.convert(event, schema, datum)).getStruct("payload")
        .getBoolean("Lost")).isTrue();
    assertThat(value.getStruct("note").get("string")).isNull();
    assertThat(value.getStruct("note").getInt32("int")).isEqualTo(7);
  }

  @Test
  void rejectsAUnionOfTwoTypesOfTheSameName() {
    assertThatThrownBy(() -> AvroToConnectSchema.toConnect(parse("""
        {"type": "record", "name": "Either", "fields": [
          {"name": "value", "type": [
            {"type": "record", "name": "Thing", "namespace": "a", "fields": []},
            {"type": "record", "name": "Thing", "namespace": "b", "fields": []}]}]}""")))
        .isInstanceOf(DataException.class).hasMessageContaining("named Thing");
  }

  @Test
  void rejectsRecursiveRecords() {
    assertThatThrownBy(() -> AvroToConnectSchema.toConnect(parse("""
        {"type": "record", "name": "Node", "fields": [
          {"name": "next", "type": ["null", "Node"], "default": null}]}""")))
        .isInstanceOf(DataException.class).hasMessageContaining("recursive");
  }

  private static org.apache.avro.Schema parse(String json) {
    return new org.apache.avro.Schema.Parser().parse(json);
  }
}
