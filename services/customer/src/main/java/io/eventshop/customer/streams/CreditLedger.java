package io.eventshop.customer.streams;

import io.eventshop.customer.domain.CreditPolicy;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.Verdict;
import java.math.BigDecimal;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The credit held per order and in use per customer, in two local stores of the task that owns the
 * customer's partition (orders are co-partitioned with their customer).
 *
 * <p>{@code held} knows every order this task has checked (also those it failed, with zero held):
 * it is what makes a second {@code OrderPlaced} of the same order a no-op, and what a rejection or
 * cancellation releases exactly once.
 */
final class CreditLedger {

  private final KeyValueStore<String, BigDecimal> inUse;
  private final KeyValueStore<String, BigDecimal> held;

  CreditLedger(KeyValueStore<String, BigDecimal> inUse, KeyValueStore<String, BigDecimal> held) {
    this.inUse = inUse;
    this.held = held;
  }

  boolean hasChecked(String orderId) {
    return held.get(orderId) != null;
  }

  /** Checks the order and, when it passes, holds its total against the customer's limit. */
  Verdict checkAndHold(String orderId, Optional<Customer> customer, String customerId,
                       BigDecimal total) {
    BigDecimal used = creditInUse(customerId);
    Verdict verdict = CreditPolicy.check(customer, used, total);
    if (verdict.passed()) {
      inUse.put(customerId, used.add(total));
      held.put(orderId, total);
    } else {
      held.put(orderId, BigDecimal.ZERO);
    }
    return verdict;
  }

  /** Gives back what the order holds, once: the hold is zero afterwards. */
  void release(String orderId, String customerId) {
    BigDecimal amount = held.get(orderId);
    if (amount == null || amount.signum() == 0) {
      return;
    }
    inUse.put(customerId, creditInUse(customerId).subtract(amount));
    held.put(orderId, BigDecimal.ZERO);
  }

  BigDecimal creditInUse(String customerId) {
    BigDecimal used = inUse.get(customerId);
    return used == null ? BigDecimal.ZERO : used;
  }
}
