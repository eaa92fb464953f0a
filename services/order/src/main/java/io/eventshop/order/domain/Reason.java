package io.eventshop.order.domain;

/** Why an order was rejected. */
public enum Reason {
  OUT_OF_STOCK, UNKNOWN_PRODUCT, UNKNOWN_CUSTOMER, CUSTOMER_BLOCKED, CREDIT_LIMIT_EXCEEDED,
  FRAUD_SUSPECTED, TIMEOUT,
  /** A reason this version does not know yet (a newer validator). */
  OTHER
}
