package io.eventshop.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer as the shop knows it now: the state folded from its events.
 *
 * @param origin where the customer was taken over from; null for one registered in the shop
 */
public record Customer(String id, String name, String email, Address address,
                       BigDecimal creditLimit, CustomerStatus status, Instant registeredAt,
                       Instant updatedAt, Origin origin) {
}
