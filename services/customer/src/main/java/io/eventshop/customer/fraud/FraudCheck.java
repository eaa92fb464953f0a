package io.eventshop.customer.fraud;

import io.eventshop.customer.domain.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fraud check over the task's store of recent orders (a sliding window ending at each order:
 * "more than N orders within the last minute").
 *
 * <p>The store is a key-value store keyed {@code <customer id>/<placed at, zero-padded ms>/<order
 * id>}, so a customer's orders are one range in time order. Not a window store: Kafka Streams 4.3
 * keeps a persistent store's changelog offset inside the store, and a window store keeps it in its
 * segments, so one that holds no segment (every task whose customers placed no order) loses it on
 * a clean close; under exactly-once the next start then took the whole task for corrupted and
 * rebuilt all its stores. A key-value store keeps its offset also when it is empty.
 *
 * <p>A customer's orders older than the window are deleted when that customer orders again, so
 * the store holds at most one window of orders per customer.
 */
public final class FraudCheck {

  private final FraudRules rules;
  private final KeyValueStore<String, String> recentOrders;

  public FraudCheck(FraudRules rules, KeyValueStore<String, String> recentOrders) {
    this.rules = rules;
    this.recentOrders = recentOrders;
  }

  /** Records the order, then assesses it with the count of the window that includes it. */
  public Verdict recordAndAssess(String orderId, String customerId, BigDecimal total,
                                 Instant placedAt, Optional<Instant> registeredAt) {
    long at = placedAt.toEpochMilli();
    long since = at - rules.policy().window().toMillis() + 1;
    forgetOrdersBefore(customerId, since);
    recentOrders.put(customerId + "/" + time(at) + "/" + orderId, orderId);
    // One past the limit decides the rule: no need to walk a busy customer's whole window.
    long enough = rules.policy().maxOrdersPerWindow() + 1L;
    return rules.assess(countBetween(customerId, since, at, enough), total, placedAt,
        registeredAt);
  }

  /** The orders of the customer in [from, to], counted up to {@code atMost}. */
  private long countBetween(String customerId, long from, long to, long atMost) {
    long count = 0;
    try (KeyValueIterator<String, String> orders =
             recentOrders.range(before(customerId, from), before(customerId, to + 1))) {
      while (count < atMost && orders.hasNext()) {
        orders.next();
        count++;
      }
    }
    return count;
  }

  private void forgetOrdersBefore(String customerId, long since) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, String> orders =
             recentOrders.range(before(customerId, 0), before(customerId, since))) {
      orders.forEachRemaining(order -> expired.add(order.key));
    }
    expired.forEach(recentOrders::delete);
  }

  /** A key below every order of the customer placed at {@code at} or later, above all earlier. */
  private static String before(String customerId, long at) {
    return customerId + "/" + time(Math.max(0, at));
  }

  /** Fixed width, so that the keys' text order is their time order. */
  private static String time(long epochMillis) {
    return String.format("%019d", epochMillis);
  }
}
