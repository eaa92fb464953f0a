package io.eventshop.customer.fraud;

import io.eventshop.customer.domain.Finding;
import io.eventshop.customer.domain.Verdict;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fraud check of an order, over facts the caller gathered (the window store counts the orders,
 * the customer table knows when the customer registered).
 */
public final class FraudRules {

  private final FraudPolicy policy;

  public FraudRules(FraudPolicy policy) {
    this.policy = policy;
  }

  public FraudPolicy policy() {
    return policy;
  }

  /**
   * Assesses one order.
   *
   * @param ordersInWindow the customer's orders placed within the window ending at this order,
   *                       this one included
   * @param total          the order's total
   * @param placedAt       when the order was placed
   * @param registeredAt   when the customer registered; empty for an unknown customer (the
   *                       customer check rejects those, fraud has nothing to add)
   */
  public Verdict assess(long ordersInWindow, BigDecimal total, Instant placedAt,
                        Optional<Instant> registeredAt) {
    List<String> details = new ArrayList<>();
    if (ordersInWindow > policy.maxOrdersPerWindow()) {
      // The count stops one past the limit (FraudCheck), so say "more than", not how many.
      details.add("more than " + policy.maxOrdersPerWindow() + " orders within "
          + spoken(policy.window()));
    }
    boolean newCustomer = registeredAt
        .map(registered -> Duration.between(registered, placedAt).compareTo(policy.newCustomerAge()) < 0)
        .orElse(false);
    if (newCustomer && total.compareTo(policy.newCustomerOrderLimit()) > 0) {
      details.add("order of " + total.toPlainString() + " above "
          + policy.newCustomerOrderLimit().toPlainString() + " by a customer registered less than "
          + spoken(policy.newCustomerAge()) + " ago");
    }
    return details.isEmpty() ? Verdict.PASS
        : new Verdict(List.of(Finding.FRAUD_SUSPECTED), String.join("; ", details));
  }

  /** "1 minute", "24 hours", "90 seconds": the detail is read by people, not parsed. */
  static String spoken(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 3600 == 0) {
      return plural(seconds / 3600, "hour");
    }
    if (seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    return duration.toMillis() % 1000 == 0 ? plural(seconds, "second")
        : plural(duration.toMillis(), "millisecond");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
