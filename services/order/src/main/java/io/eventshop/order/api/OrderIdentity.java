package io.eventshop.order.api;

import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Which id a new order gets. Without an idempotency key: a random id in the customer's partition
 * ({@link OrderIds}). With one: an id DERIVED from (customer, key), also in the customer's
 * partition, so a retry — even after a restart, even on another instance — names the same order
 * and needs no lookup table.
 */
final class OrderIdentity {

  private final OrderIds random = new OrderIds();
  private final int partitions = Topics.ORDERS.partitions();

  String newId(String customerId, String idempotencyKey) {
    if (idempotencyKey == null) {
      return random.mintFor(customerId);
    }
    int wanted = OrderIds.partitionOf(customerId, partitions);
    for (int attempt = 0; ; attempt++) {
      String candidate = UUID.nameUUIDFromBytes((customerId + '\n' + idempotencyKey + '\n' + attempt)
          .getBytes(StandardCharsets.UTF_8)).toString();
      if (OrderIds.partitionOf(candidate, partitions) == wanted) {
        return candidate;
      }
    }
  }
}
