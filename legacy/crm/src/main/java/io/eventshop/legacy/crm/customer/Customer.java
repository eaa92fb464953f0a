package io.eventshop.legacy.crm.customer;

import java.time.OffsetDateTime;

/** A row of {@code customer} with its {@code address}, as the pages show it. */
public record Customer(long id, String firstName, String lastName, String email, String phone,
                       Status status, Address address, OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

  /** The values of {@code customer.status}. */
  public enum Status { ACTIVE, INACTIVE }

  /** The row of {@code address} that belongs to a customer. */
  public record Address(String street, String postalCode, String city, String country) {
  }

  public String name() {
    return firstName + " " + lastName;
  }

  public boolean active() {
    return status == Status.ACTIVE;
  }
}
