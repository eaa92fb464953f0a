package io.eventshop.customer.domain;

/** Whether a customer may order: a blocked customer's orders fail the credit check. */
public enum CustomerStatus {
  ACTIVE, BLOCKED
}
