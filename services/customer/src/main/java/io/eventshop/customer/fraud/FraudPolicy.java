package io.eventshop.customer.fraud;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds of the fraud rules.
 *
 * @param maxOrdersPerWindow    more orders than this by one customer within {@code window} is suspect
 * @param window                the sliding window of the rate rule
 * @param newCustomerOrderLimit an order above this total (CHF) by a new customer is suspect
 * @param newCustomerAge        a customer registered less than this long before the order is new
 */
public record FraudPolicy(int maxOrdersPerWindow, Duration window,
                          BigDecimal newCustomerOrderLimit, Duration newCustomerAge) {

  /** 10 orders a minute; 5,000 CHF within a day of registering. */
  public static final FraudPolicy DEFAULTS =
      new FraudPolicy(10, Duration.ofMinutes(1), new BigDecimal("5000.00"), Duration.ofDays(1));

  public FraudPolicy {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(newCustomerOrderLimit, "newCustomerOrderLimit");
    Objects.requireNonNull(newCustomerAge, "newCustomerAge");
    if (maxOrdersPerWindow < 1) {
      throw new IllegalArgumentException("maxOrdersPerWindow must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    if (newCustomerOrderLimit.signum() < 0) {
      throw new IllegalArgumentException("newCustomerOrderLimit must be zero or more");
    }
    if (newCustomerAge.isNegative()) {
      throw new IllegalArgumentException("newCustomerAge must not be negative");
    }
  }
}
