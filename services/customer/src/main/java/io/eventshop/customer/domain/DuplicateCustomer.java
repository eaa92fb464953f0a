package io.eventshop.customer.domain;

/** A registration for an id that is already taken (ids are minted by the service, so a bug or a replay). */
public final class DuplicateCustomer extends RuntimeException {

  public DuplicateCustomer(String customerId) {
    super("customer " + customerId + " is already registered");
  }
}
