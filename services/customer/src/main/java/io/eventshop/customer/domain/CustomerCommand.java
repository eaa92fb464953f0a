package io.eventshop.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** What someone asks of a customer; {@link CustomerDecider} turns it into events or refuses. */
public sealed interface CustomerCommand {

  String customerId();

  Instant at();

  /** Open an account for a new customer; {@code origin} is null unless taken over. */
  record Register(String customerId, String name, String email, Address address,
                  BigDecimal creditLimit, Origin origin, Instant at) implements CustomerCommand {
  }

  /** Change the profile: name, email, credit limit and status, all given. */
  record Update(String customerId, String name, String email, BigDecimal creditLimit,
                CustomerStatus status, Instant at) implements CustomerCommand {
  }

  /** Move the customer to a new address. */
  record ChangeAddress(String customerId, Address address, Instant at) implements CustomerCommand {
  }
}
