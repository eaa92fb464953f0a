package io.eventshop.order.domain;

import io.eventshop.order.domain.OrderCommand.CancelOrder;
import io.eventshop.order.domain.OrderCommand.Conclude;
import io.eventshop.order.domain.OrderCommand.PlaceOrder;
import io.eventshop.order.domain.OrderCommand.RecordVerdict;
import io.eventshop.order.domain.OrderEvent.OrderCancelled;
import io.eventshop.order.domain.OrderEvent.OrderPlaced;
import io.eventshop.order.domain.OrderEvent.OrderRejected;
import io.eventshop.order.domain.OrderEvent.OrderValidated;
import io.eventshop.order.domain.OrderEvent.VerdictRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order lifecycle as a decider: {@link #decide} turns a command and the current state into
 * events, {@link #evolve} applies an event. Both are pure.
 *
 * <p>{@code evolve} is idempotent and tolerant: the aggregator reads {@code orders} back, so it
 * sees its own outcomes again, and a retried placement may appear twice; neither changes anything.
 */
public final class OrderDecider {

  private final Duration validationTimeout;

  public OrderDecider(Duration validationTimeout) {
    if (validationTimeout.isNegative() || validationTimeout.isZero()) {
      throw new IllegalArgumentException("validation timeout must be positive");
    }
    this.validationTimeout = validationTimeout;
  }

  public Duration validationTimeout() {
    return validationTimeout;
  }

  public List<OrderEvent> decide(OrderCommand command, Order order) {
    if (command instanceof PlaceOrder place) {
      return order.isPlaced() ? List.of() : List.of(new OrderPlaced(place.orderId(),
          place.customerId(), place.lines(), place.total(), place.idempotencyKey(), place.at()));
    }
    if (command instanceof RecordVerdict record) {
      return isLateOrDuplicate(record.verdict(), order) ? List.of()
          : List.of(new VerdictRecorded(order.id(), record.verdict(), record.at()));
    }
    if (command instanceof Conclude conclude) {
      return conclude(order, conclude);
    }
    CancelOrder cancel = (CancelOrder) command;
    if (order.state() != OrderState.VALIDATED) {
      throw new OrderNotCancellable(order);
    }
    return List.of(new OrderCancelled(order.id(), cancel.at()));
  }

  public Order evolve(Order order, OrderEvent event) {
    if (event instanceof OrderPlaced placed) {
      return order.isPlaced() ? order : new Order(order.id(), placed.customerId(), placed.lines(),
          placed.total(), placed.idempotencyKey(), placed.occurredAt(), OrderState.PLACED,
          List.of(), order.verdicts());
    }
    if (event instanceof VerdictRecorded recorded) {
      return order.verdicts().containsKey(recorded.verdict().validator())
          ? order : order.withVerdict(recorded.verdict());
    }
    if (event instanceof OrderValidated) {
      return order.state() == OrderState.PLACED
          ? order.withState(OrderState.VALIDATED, List.of()) : order;
    }
    if (event instanceof OrderRejected rejected) {
      return order.state() == OrderState.PLACED
          ? order.withState(OrderState.REJECTED, rejected.reasons()) : order;
    }
    return order.state() == OrderState.VALIDATED
        ? order.withState(OrderState.CANCELLED, List.of()) : order;
  }

  /** Applies events in order. */
  public Order evolve(Order order, List<? extends OrderEvent> events) {
    Order result = order;
    for (OrderEvent event : events) {
      result = evolve(result, event);
    }
    return result;
  }

  /** When an order still waiting for verdicts times out. */
  public Instant deadlineOf(Order order) {
    return order.placedAt().plus(validationTimeout);
  }

  private static boolean isLateOrDuplicate(Verdict verdict, Order order) {
    return (order.isPlaced() && order.state().isDecided())
        || order.verdicts().containsKey(verdict.validator());
  }

  private List<OrderEvent> conclude(Order order, Conclude conclude) {
    if (order.state() != OrderState.PLACED) {
      return List.of();
    }
    boolean overdue = !conclude.now().isBefore(deadlineOf(order));
    if (!order.hasAllVerdicts() && !overdue) {
      return List.of();
    }
    Set<Reason> reasons = new LinkedHashSet<>();
    for (Validator validator : Validator.values()) {
      Verdict verdict = order.verdicts().get(validator);
      if (verdict == null) {
        reasons.add(Reason.TIMEOUT);
      } else if (!verdict.passed()) {
        reasons.addAll(verdict.reasons());
      }
    }
    return reasons.isEmpty()
        ? List.of(new OrderValidated(order.id(), conclude.now()))
        : List.of(new OrderRejected(order.id(), new ArrayList<>(reasons), conclude.now()));
  }
}
