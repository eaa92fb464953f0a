package io.eventshop.customer.domain;

/** Where a customer lives; {@code country} is an ISO 3166-1 alpha-2 code. */
public record Address(String street, String zip, String city, String country) {
}
