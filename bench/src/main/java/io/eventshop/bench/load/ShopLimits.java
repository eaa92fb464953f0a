package io.eventshop.bench.load;

import java.util.Map;

/**
 * The limits a shop started by {@link ShopProcess} runs with, set through the environment
 * (Spring's relaxed binding of {@code eventshop.*}).
 */
public enum ShopLimits {

  /** The shop's own limits, the ones a user meets: what the end-to-end tests run against. */
  REAL(Map.of()),

  /**
   * Raised for a throughput benchmark: the gateway's per-client rate limit
   * ({@code eventshop.gateway.rate-limit.*}), because the benchmark is one client sending
   * thousands of requests a second, and the fraud rule's orders per customer and minute
   * ({@code eventshop.customer.fraud.max-orders-per-window}, to its maximum), because at
   * thousands of orders a second its 10 a minute would need more customers than seeding makes
   * in reasonable time (see {@code --orders-per-customer}). The benchmark measures throughput,
   * not these rules; nothing else changes.
   */
  RAISED(Map.of(
      "EVENTSHOP_GATEWAY_RATELIMIT_REQUESTSPERSECOND", "1000000",
      "EVENTSHOP_GATEWAY_RATELIMIT_BURST", "1000000",
      "EVENTSHOP_CUSTOMER_FRAUD_MAXORDERSPERWINDOW", "100000"));

  private final Map<String, String> environment;

  ShopLimits(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The environment variables of the launcher (and so of every service) that set them. */
  public Map<String, String> environment() {
    return environment;
  }
}
