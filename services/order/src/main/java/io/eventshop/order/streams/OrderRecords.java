package io.eventshop.order.streams;

import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderEvent;
import io.eventshop.order.domain.OrderEvent.OrderCancelled;
import io.eventshop.order.domain.OrderEvent.OrderPlaced;
import io.eventshop.order.domain.OrderEvent.OrderRejected;
import io.eventshop.order.domain.OrderEvent.OrderValidated;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.Reason;
import io.eventshop.order.domain.Validator;
import io.eventshop.order.domain.Verdict;
import java.util.List;

/** Translates between the order domain and the Avro contracts of {@code orders} and {@code order-validations}. */
public final class OrderRecords {

  private OrderRecords() {
  }

  /** The published form of an order event; {@code order} supplies the customer id. */
  public static io.eventshop.contracts.order.OrderEvent toRecord(OrderEvent event, Order order) {
    return new io.eventshop.contracts.order.OrderEvent(event.orderId(), order.customerId(),
        event.occurredAt(), payloadOf(event));
  }

  /**
   * The domain form of a published order event.
   *
   * @throws IllegalArgumentException if the event breaks the domain's rules (e.g. a line with
   *                                  no units)
   */
  public static OrderEvent toDomain(io.eventshop.contracts.order.OrderEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof io.eventshop.contracts.order.OrderPlaced placed) {
      List<OrderLine> lines = placed.getLines().stream()
          .map(line -> new OrderLine(line.getSku(), line.getQuantity(), line.getUnitPrice()))
          .toList();
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("order " + event.getOrderId() + " has no lines");
      }
      return new OrderPlaced(event.getOrderId(), event.getCustomerId(), lines, placed.getTotal(),
          placed.getIdempotencyKey(), event.getOccurredAt());
    }
    if (payload instanceof io.eventshop.contracts.order.OrderValidated) {
      return new OrderValidated(event.getOrderId(), event.getOccurredAt());
    }
    if (payload instanceof io.eventshop.contracts.order.OrderRejected rejected) {
      return new OrderRejected(event.getOrderId(), reasonsOf(rejected.getReasons()),
          event.getOccurredAt());
    }
    if (payload instanceof io.eventshop.contracts.order.OrderCancelled) {
      return new OrderCancelled(event.getOrderId(), event.getOccurredAt());
    }
    throw new IllegalArgumentException("order event without a known payload: " + payload);
  }

  public static Verdict toVerdict(OrderValidation validation) {
    return new Verdict(Validator.valueOf(validation.getValidator().name()),
        validation.getPassed(), reasonsOf(validation.getReasons()));
  }

  private static Object payloadOf(OrderEvent event) {
    if (event instanceof OrderPlaced placed) {
      return new io.eventshop.contracts.order.OrderPlaced(placed.lines().stream()
          .map(line -> new io.eventshop.contracts.order.OrderLine(line.sku(), line.quantity(),
              line.unitPrice()))
          .toList(), placed.total(), placed.idempotencyKey());
    }
    if (event instanceof OrderValidated) {
      return new io.eventshop.contracts.order.OrderValidated();
    }
    if (event instanceof OrderRejected rejected) {
      return new io.eventshop.contracts.order.OrderRejected(rejected.reasons().stream()
          .map(reason -> RejectionReason.valueOf(reason.name())).toList());
    }
    if (event instanceof OrderCancelled) {
      return new io.eventshop.contracts.order.OrderCancelled();
    }
    throw new IllegalArgumentException(event + " is not published");
  }

  private static List<Reason> reasonsOf(List<RejectionReason> reasons) {
    return reasons.stream().map(reason -> Reason.valueOf(reason.name())).toList();
  }
}
