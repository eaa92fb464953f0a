package io.eventshop.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** What happened to a customer: the history kept in {@code customer-events}. */
public sealed interface CustomerEvent {

  String customerId();

  Instant occurredAt();

  /** A customer opened an account. */
  record Registered(String customerId, Instant occurredAt, String name, String email,
                    Address address, BigDecimal creditLimit, Origin origin)
      implements CustomerEvent {
  }

  /** A customer's profile changed. */
  record Updated(String customerId, Instant occurredAt, String name, String email,
                 BigDecimal creditLimit, CustomerStatus status) implements CustomerEvent {
  }

  /** A customer moved. */
  record AddressChanged(String customerId, Instant occurredAt, Address address)
      implements CustomerEvent {
  }
}
