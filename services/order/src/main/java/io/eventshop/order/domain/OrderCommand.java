package io.eventshop.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What may be asked of an order. */
public sealed interface OrderCommand {

  record PlaceOrder(String orderId, String customerId, List<OrderLine> lines,
                    String idempotencyKey, Instant at) implements OrderCommand {
    public PlaceOrder {
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("an order needs at least one line");
      }
      lines = List.copyOf(lines);
    }

    public BigDecimal total() {
      return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A validator's verdict arrived. */
  record RecordVerdict(Verdict verdict, Instant at) implements OrderCommand {
  }

  /** Decide the outcome if it is due: every verdict is in, or the validation timeout passed. */
  record Conclude(Instant now) implements OrderCommand {
  }

  record CancelOrder(Instant at) implements OrderCommand {
  }
}
