package io.eventshop.customer.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventshop.customer.domain.Address;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerStatus;
import io.eventshop.customer.domain.Origin;
import java.math.BigDecimal;
import java.time.Instant;

/** The JSON shapes of the customer REST API. */
final class CustomerApi {

  private CustomerApi() {
  }

  /** {@code POST /api/customers}. */
  record RegisterRequest(String name, String email, AddressBody address, BigDecimal creditLimit) {
  }

  /** {@code PUT /api/customers/{id}}: the whole profile. */
  record UpdateRequest(String name, String email, BigDecimal creditLimit, CustomerStatus status) {
  }

  /** An address, also the body of {@code PUT /api/customers/{id}/address}. */
  record AddressBody(String street, String zip, String city, String country) {

    Address toDomain() {
      return new Address(street, zip, city, country);
    }

    static AddressBody of(Address address) {
      return new AddressBody(address.street(), address.zip(), address.city(), address.country());
    }
  }

  /** The answer of a registration. */
  record Registered(String id) {
  }

  /** A customer as the API shows it; {@code origin} only for one taken over (legacy CRM). */
  record CustomerBody(String id, String name, String email, AddressBody address,
                      BigDecimal creditLimit, CustomerStatus status, Instant registeredAt,
                      Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Origin origin) {

    static CustomerBody of(Customer customer) {
      return new CustomerBody(customer.id(), customer.name(), customer.email(),
          AddressBody.of(customer.address()), customer.creditLimit(), customer.status(),
          customer.registeredAt(), customer.updatedAt(), customer.origin());
    }
  }
}
