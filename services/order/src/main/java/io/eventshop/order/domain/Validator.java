package io.eventshop.order.domain;

/** The checks every order must pass before it is validated. */
public enum Validator {
  STOCK, CUSTOMER, FRAUD
}
