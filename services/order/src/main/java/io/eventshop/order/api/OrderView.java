package io.eventshop.order.api;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderState;
import io.eventshop.order.domain.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as the REST API shows it. */
public record OrderView(String id, String customerId, List<Line> lines, BigDecimal total,
                        OrderState state, List<Reason> reasons, Instant placedAt) {

  /** A priced line. */
  public record Line(String sku, int quantity, BigDecimal unitPrice) {
  }

  static OrderView of(Order order) {
    return new OrderView(order.id(), order.customerId(), order.lines().stream()
        .map(line -> new Line(line.sku(), line.quantity(), line.unitPrice())).toList(),
        order.total(), order.state(), order.reasons(), order.placedAt());
  }
}
