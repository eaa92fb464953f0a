package io.eventshop.stock.keeping;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.stock.GoodsReceived;
import io.eventshop.contracts.stock.StockReleased;
import io.eventshop.contracts.stock.StockReserved;
import io.eventshop.stock.domain.Reservation;
import io.eventshop.stock.domain.ReservedLine;
import io.eventshop.stock.domain.Stock;
import io.eventshop.stock.domain.StockChange;
import io.eventshop.stock.domain.StockEvent;
import io.eventshop.stock.domain.StockLevel;
import io.eventshop.stock.domain.StockVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies order events and goods receipts to the in-memory {@link Stock} and says what to write:
 * stock events, new levels, reservations (or their tombstones) and the STOCK verdict of an order.
 * The Kafka-free core of the stock writer.
 */
public final class StockKeeper {

  static final String RELEASED_ON_REJECTION = "ORDER_REJECTED";
  static final String RELEASED_ON_CANCELLATION = "ORDER_CANCELLED";

  private final Stock stock;

  public StockKeeper(Stock stock) {
    this.stock = stock;
  }

  public Stock stock() {
    return stock;
  }

  /**
   * What an order event changes: a placement reserves (or is refused), a rejection or
   * cancellation releases, anything else changes nothing.
   *
   * @throws IllegalArgumentException if the event breaks the rules (no lines, no units)
   */
  public List<Outgoing> onOrderEvent(OrderEvent event, Instant now) {
    Object payload = event.getPayload();
    StockChange change;
    if (payload instanceof OrderPlaced placed) {
      List<ReservedLine> lines = placed.getLines().stream()
          .map(line -> new ReservedLine(line.getSku(), line.getQuantity())).toList();
      change = stock.reserve(event.getOrderId(), event.getCustomerId(), lines, now);
    } else if (payload instanceof OrderRejected) {
      change = stock.release(event.getOrderId(), RELEASED_ON_REJECTION, now);
    } else if (payload instanceof OrderCancelled) {
      change = stock.release(event.getOrderId(), RELEASED_ON_CANCELLATION, now);
    } else {
      change = StockChange.NONE;
    }
    return recordsOf(change, now);
  }

  /** Goods arrived for {@code sku}. */
  public List<Outgoing> onReceipt(String sku, long quantity, Instant now) {
    return recordsOf(stock.receive(sku, quantity, now), now);
  }

  private static List<Outgoing> recordsOf(StockChange change, Instant now) {
    List<Outgoing> out = new ArrayList<>();
    for (StockEvent event : change.events()) {
      out.add(new Outgoing(Topics.STOCK_EVENTS, event.sku(),
          new io.eventshop.contracts.stock.StockEvent(event.sku(), event.occurredAt(),
              payloadOf(event))));
    }
    for (StockLevel level : change.levels()) {
      out.add(new Outgoing(Topics.STOCK_LEVELS, level.sku(),
          new io.eventshop.contracts.stock.StockLevel(level.sku(), level.onHand(),
              level.reserved())));
    }
    change.reservationWritten().ifPresent(reservation -> out.add(new Outgoing(
        Topics.STOCK_RESERVATIONS, reservation.orderId(), recordOf(reservation))));
    change.reservationRemoved().ifPresent(orderId ->
        out.add(new Outgoing(Topics.STOCK_RESERVATIONS, orderId, null)));
    change.verdict().ifPresent(verdict ->
        out.add(new Outgoing(Topics.ORDER_VALIDATIONS, verdict.orderId(), recordOf(verdict, now))));
    return out;
  }

  private static Object payloadOf(StockEvent event) {
    if (event instanceof StockEvent.GoodsReceived received) {
      return new GoodsReceived(received.quantity());
    }
    if (event instanceof StockEvent.StockReserved reserved) {
      return new StockReserved(reserved.orderId(), reserved.quantity());
    }
    StockEvent.StockReleased released = (StockEvent.StockReleased) event;
    return new StockReleased(released.orderId(), released.quantity(), released.reason());
  }

  static io.eventshop.contracts.stock.StockReservation recordOf(Reservation reservation) {
    return new io.eventshop.contracts.stock.StockReservation(reservation.orderId(),
        reservation.lines().stream()
            .map(line -> new io.eventshop.contracts.stock.ReservedLine(line.sku(),
                line.quantity()))
            .toList());
  }

  static Reservation reservationOf(io.eventshop.contracts.stock.StockReservation record) {
    return new Reservation(record.getOrderId(), record.getLines().stream()
        .map(line -> new ReservedLine(line.getSku(), line.getQuantity())).toList());
  }

  static StockLevel levelOf(io.eventshop.contracts.stock.StockLevel record) {
    return new StockLevel(record.getSku(), record.getOnHand(), record.getReserved());
  }

  private static OrderValidation recordOf(StockVerdict verdict, Instant now) {
    return new OrderValidation(verdict.orderId(), verdict.customerId(), Validator.STOCK,
        verdict.passed(), verdict.problems().stream()
            .map(problem -> RejectionReason.valueOf(problem.name())).toList(),
        verdict.detail(), now);
  }
}
