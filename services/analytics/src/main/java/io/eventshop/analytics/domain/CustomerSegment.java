package io.eventshop.analytics.domain;

import java.math.BigDecimal;

/**
 * The segment of a customer. Customers carry no segment of their own; the credit limit the
 * customer service grants is what the shop knows of a customer's standing, so the bands follow
 * it.
 */
public final class CustomerSegment {

  static final BigDecimal GOLD = new BigDecimal("1000");
  static final BigDecimal PLATINUM = new BigDecimal("10000");

  private CustomerSegment() {
  }

  /** {@code standard} below 1,000 CHF of credit, {@code gold} below 10,000, else {@code platinum}. */
  public static String of(BigDecimal creditLimit) {
    if (creditLimit.compareTo(PLATINUM) >= 0) {
      return "platinum";
    }
    return creditLimit.compareTo(GOLD) >= 0 ? "gold" : "standard";
  }
}
