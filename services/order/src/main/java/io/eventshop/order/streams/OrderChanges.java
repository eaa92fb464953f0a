package io.eventshop.order.streams;

import io.eventshop.order.domain.Order;

/**
 * Told about every change of an order this instance aggregates, on the stream thread: must not
 * block (waiters and server-sent events hand the work off).
 */
@FunctionalInterface
public interface OrderChanges {

  OrderChanges NONE = order -> { };

  void changed(Order order);
}
