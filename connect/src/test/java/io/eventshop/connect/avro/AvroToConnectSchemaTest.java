package io.eventshop.connect.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
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
  void rejectsUnionsConnectCannotExpress() {
    assertThatThrownBy(() -> AvroToConnectSchema.toConnect(parse("""
        {"type": "record", "name": "Either", "fields": [
          {"name": "value", "type": ["null", "string", "int"]}]}""")))
        .isInstanceOf(DataException.class).hasMessageContaining("only unions of null and one");
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
