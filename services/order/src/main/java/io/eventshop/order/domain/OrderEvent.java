package io.eventshop.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happens to an order. All but {@link VerdictRecorded} are published to {@code orders};
 * a recorded verdict is the aggregator's own bookkeeping (the verdict itself already is an event
 * on {@code order-validations}).
 */
public sealed interface OrderEvent {

  String orderId();

  Instant occurredAt();

  record OrderPlaced(String orderId, String customerId, List<OrderLine> lines, BigDecimal total,
                     String idempotencyKey, Instant occurredAt) implements OrderEvent {
    public OrderPlaced {
      lines = List.copyOf(lines);
    }
  }

  record VerdictRecorded(String orderId, Verdict verdict, Instant occurredAt) implements OrderEvent {
  }

  record OrderValidated(String orderId, Instant occurredAt) implements OrderEvent {
  }

  record OrderRejected(String orderId, List<Reason> reasons, Instant occurredAt)
      implements OrderEvent {
    public OrderRejected {
      reasons = List.copyOf(reasons);
    }
  }

  record OrderCancelled(String orderId, Instant occurredAt) implements OrderEvent {
  }
}
