package io.eventshop.customer.domain;

/** A command for a customer id the shop has never registered. */
public final class UnknownCustomer extends RuntimeException {

  private final String customerId;

  public UnknownCustomer(String customerId) {
    super("no customer " + customerId);
    this.customerId = customerId;
  }

  public String customerId() {
    return customerId;
  }
}
