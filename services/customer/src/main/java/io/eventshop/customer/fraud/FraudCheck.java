package io.eventshop.customer.fraud;

import io.eventshop.customer.domain.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The fraud check over the task's window store of recent orders per customer (a sliding window
 * ending at each order: "more than N orders within the last minute").
 */
public final class FraudCheck {

  private final FraudRules rules;
  private final WindowStore<String, String> recentOrders;

  public FraudCheck(FraudRules rules, WindowStore<String, String> recentOrders) {
    this.rules = rules;
    this.recentOrders = recentOrders;
  }

  /** Records the order in the window store, then assesses it with the count that includes it. */
  public Verdict recordAndAssess(String orderId, String customerId, BigDecimal total,
                                 Instant placedAt, Optional<Instant> registeredAt) {
    long at = placedAt.toEpochMilli();
    recentOrders.put(customerId, orderId, at);
    long since = at - rules.policy().window().toMillis() + 1;
    // One past the limit decides the rule: no need to walk a busy customer's whole window.
    long enough = rules.policy().maxOrdersPerWindow() + 1L;
    return rules.assess(countBetween(customerId, since, at, enough), total, placedAt,
        registeredAt);
  }

  /** The orders of the customer in [from, to], counted up to {@code atMost}. */
  private long countBetween(String customerId, long from, long to, long atMost) {
    long count = 0;
    try (WindowStoreIterator<String> orders =
             recentOrders.fetch(customerId, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
      while (count < atMost && orders.hasNext()) {
        orders.next();
        count++;
      }
    }
    return count;
  }
}
