package io.eventshop.order.streams;

import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.product.Product;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the topics the order service reads and writes. */
public record OrderSerdes(Serde<OrderEvent> orderEvents, Serde<OrderValidation> validations,
                          Serde<Product> products) {
}
