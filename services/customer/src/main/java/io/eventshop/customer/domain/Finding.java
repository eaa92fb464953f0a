package io.eventshop.customer.domain;

/** Why a check fails an order; the names match the contracts' {@code RejectionReason}. */
public enum Finding {
  UNKNOWN_CUSTOMER, CUSTOMER_BLOCKED, CREDIT_LIMIT_EXCEEDED, FRAUD_SUSPECTED
}
