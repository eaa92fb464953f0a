package io.eventshop.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What our serde writes is what any Confluent-speaking tool reads: a zero byte, the schema id
 * big-endian, then plain Avro binary of the schema the registry serves under that id.
 */
class WireFormatIT {

  private static RunningRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = RunningRegistry.start(RunningRegistry.newTopic());
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void aRecordWrittenByOurSerdeIsReadByAPlainAvroDecoderWithTheSchemaFetchedById()
      throws IOException {
    Instant placedAt = Instant.parse("2026-11-25T21:00:00.250Z");
    OrderEvent placed = new OrderEvent("order-42", "customer-7", placedAt, new OrderPlaced(
        List.of(new OrderLine("SKU-1", 3, new BigDecimal("12.90"))), new BigDecimal("38.70"),
        "idem-1"));
    AvroSerde<OrderEvent> serde = AvroSerde.forValues(OrderEvent.class,
        SerdeConfig.autoRegistering(registry.url()));

    byte[] bytes = serde.serialize(Topics.ORDERS.name(), placed);

    assertThat(bytes[0]).as("magic byte").isZero();
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertThat(registry.get("/subjects/orders-value/versions/latest").json().path("id").asInt())
        .isEqualTo(id);
    Schema served = new Schema.Parser().parse(
        registry.get("/schemas/ids/" + id).json().path("schema").asText());
    GenericRecord read = new GenericDatumReader<GenericRecord>(served).read(null,
        DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

    assertThat(read.get("orderId").toString()).isEqualTo("order-42");
    assertThat(read.get("customerId").toString()).isEqualTo("customer-7");
    assertThat(read.get("occurredAt")).isEqualTo(placedAt.toEpochMilli());
    GenericRecord payload = (GenericRecord) read.get("payload");
    assertThat(payload.getSchema().getName()).isEqualTo("OrderPlaced");
    assertThat(money(payload.get("total"))).isEqualTo(new BigDecimal("38.70"));
    assertThat(payload.get("idempotencyKey").toString()).isEqualTo("idem-1");
    GenericRecord line = (GenericRecord) ((List<?>) payload.get("lines")).get(0);
    assertThat(line.get("sku").toString()).isEqualTo("SKU-1");
    assertThat(line.get("quantity")).isEqualTo(3);
    assertThat(money(line.get("unitPrice"))).isEqualTo(new BigDecimal("12.90"));

    AvroSerde<OrderEvent> freshReader = AvroSerde.forValues(OrderEvent.class,
        SerdeConfig.autoRegistering(registry.url()));
    assertThat(freshReader.deserialize(Topics.ORDERS.name(), bytes)).isEqualTo(placed);
  }

  /** Avro's decimal: the unscaled value as big-endian two's complement, scale from the schema. */
  private static BigDecimal money(Object bytes) {
    ByteBuffer buffer = (ByteBuffer) bytes;
    byte[] unscaled = new byte[buffer.remaining()];
    buffer.get(unscaled);
    return new BigDecimal(new BigInteger(unscaled), 2);
  }
}
