package io.eventshop.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;

/**
 * Mints order ids that Kafka's default partitioner places in the same partition of
 * {@link Topics#ORDERS} as their customer id.
 *
 * <p>Why: {@code orders} is keyed by order id (keys are entity ids), but the customer validator
 * (credit in use) and the fraud rules (orders per customer and window) need all orders of a
 * customer in one task, next to that customer's row of the co-partitioned {@code customers} topic.
 * Choosing the id instead of re-keying saves a repartition, one exactly-once hop, on the hot path.
 * It costs on average as many UUIDs as {@code orders} has partitions.
 */
public final class OrderIds {

  private final int partitions;
  private final Supplier<UUID> randomIds;

  /** Order ids for the partition count of {@link Topics#ORDERS}. */
  public OrderIds() {
    this(Topics.ORDERS.partitions(), UUID::randomUUID);
  }

  OrderIds(int partitions, Supplier<UUID> randomIds) {
    this.partitions = partitions;
    this.randomIds = randomIds;
  }

  /** A new order id that shares {@code customerId}'s partition. */
  public String mintFor(String customerId) {
    int wanted = partitionOf(customerId, partitions);
    while (true) {
      String candidate = randomIds.get().toString();
      if (partitionOf(candidate, partitions) == wanted) {
        return candidate;
      }
    }
  }

  /** The partition Kafka's default partitioner picks for a string key. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
