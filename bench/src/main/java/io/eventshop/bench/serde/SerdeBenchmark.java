package io.eventshop.bench.serde;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link AvroSerde} in the Confluent wire format with the schema id already cached
 * (the steady state of a service): an {@code OrderPlaced} of three lines, the hottest event of the
 * shop. One operation is one record, so ops/s are records/s.
 *
 * <p>The registry is in memory: after the first record the serde makes no registry call, so the
 * figures are those of a real registry too (the first record's HTTP round trip excluded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class SerdeBenchmark {

  private static final String TOPIC = Topics.ORDERS.name();

  private AvroSerde<OrderEvent> serde;
  private OrderEvent placed;
  private byte[] placedBytes;

  @Setup
  public void cacheTheSchemaId() {
    serde = AvroSerde.forValues(OrderEvent.class, SerdeConfig.autoRegistering("in-memory"),
        new InMemorySchemaRegistryClient());
    placed = new OrderEvent("6f1c8a52-0d7e-4b7f-9a57-3f2b1e0c9d41", "customer-0042",
        Instant.parse("2026-11-25T21:00:00.250Z"), new OrderPlaced(List.of(
            new OrderLine("SKU-0001", 2, new BigDecimal("12.90")),
            new OrderLine("SKU-0002", 1, new BigDecimal("149.00")),
            new OrderLine("SKU-0003", 5, new BigDecimal("3.50"))),
        new BigDecimal("192.30"), "idem-7f3a"));
    placedBytes = serde.serialize(TOPIC, placed);
    serde.deserialize(TOPIC, placedBytes);
  }

  /** Serialise then deserialise one record: what a hop costs in serde work. */
  @Benchmark
  public OrderEvent serializeThenDeserialize() {
    return serde.deserialize(TOPIC, serde.serialize(TOPIC, placed));
  }

  @Benchmark
  public byte[] serialize() {
    return serde.serialize(TOPIC, placed);
  }

  @Benchmark
  public OrderEvent deserialize() {
    return serde.deserialize(TOPIC, placedBytes);
  }
}
