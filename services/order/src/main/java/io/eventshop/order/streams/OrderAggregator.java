package io.eventshop.order.streams;

import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderCommand.Conclude;
import io.eventshop.order.domain.OrderCommand.RecordVerdict;
import io.eventshop.order.domain.OrderDecider;
import io.eventshop.order.domain.OrderEvent;
import io.eventshop.order.domain.OrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the state of every order of its partition and decides the outcome: on each placement,
 * verdict or cancellation, and on a wall-clock punctuation for orders whose verdicts are overdue.
 * Outcomes go to {@code orders}; state changes go to the stores (and so the changelogs) in the same
 * exactly-once transaction. An outcome is told to waiters only when read back from {@code orders}
 * ({@link OrderChanges}).
 */
final class OrderAggregator
    implements Processor<String, SpecificRecord, String, io.eventshop.contracts.order.OrderEvent> {

  private static final Logger log = LoggerFactory.getLogger(OrderAggregator.class);

  private final OrderDecider decider;
  private final Duration timeoutCheck;
  private final OrderChanges changes;
  private ProcessorContext<String, io.eventshop.contracts.order.OrderEvent> context;
  private KeyValueStore<String, Order> orders;
  private KeyValueStore<String, Long> customerOrders;
  private KeyValueStore<String, Long> pending;

  OrderAggregator(OrderDecider decider, Duration timeoutCheck, OrderChanges changes) {
    this.decider = decider;
    this.timeoutCheck = timeoutCheck;
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<String, io.eventshop.contracts.order.OrderEvent> context) {
    this.context = context;
    this.orders = context.getStateStore(OrderTopology.ORDERS_STORE);
    this.customerOrders = context.getStateStore(OrderTopology.CUSTOMER_ORDERS_STORE);
    this.pending = context.getStateStore(OrderTopology.PENDING_STORE);
    context.schedule(timeoutCheck, PunctuationType.WALL_CLOCK_TIME, this::concludeOverdue);
    changes.started(context.taskId().partition());
  }

  @Override
  public void process(Record<String, SpecificRecord> record) {
    String orderId = record.key();
    if (orderId == null || record.value() == null) {
      return;
    }
    Order before = stateOf(orderId);
    Order after;
    try {
      after = apply(before, record.value());
    } catch (IllegalArgumentException e) {
      // A well-formed record that breaks the order rules (e.g. a line without units): nothing to
      // aggregate; the writer of orders validates before writing, so this is a foreign writer.
      log.warn("order {}: ignoring an invalid event: {}", orderId, e.getMessage());
      return;
    }
    if (isOutcome(record.value()) && after.equals(before)) {
      // Our own outcome read back: this consumer reads committed records only, so the
      // transaction that decided it has committed. Now it may be told.
      if (after.isPlaced() && after.state().isDecided()) {
        changes.changed(after);
      }
      return;
    }
    conclude(before, after);
  }

  private static boolean isOutcome(SpecificRecord value) {
    return value instanceof io.eventshop.contracts.order.OrderEvent event
        && (event.getPayload() instanceof io.eventshop.contracts.order.OrderValidated
            || event.getPayload() instanceof io.eventshop.contracts.order.OrderRejected);
  }

  private Order apply(Order order, SpecificRecord value) {
    if (value instanceof io.eventshop.contracts.order.OrderEvent event) {
      return decider.evolve(order, OrderRecords.toDomain(event));
    }
    OrderValidation validation = (OrderValidation) value;
    List<OrderEvent> recorded = decider.decide(
        new RecordVerdict(OrderRecords.toVerdict(validation), now()), order);
    return decider.evolve(order, recorded);
  }

  /** Decides the outcome if due, stores the order and publishes what was decided. */
  private void conclude(Order before, Order current) {
    List<OrderEvent> outcome = decider.decide(new Conclude(now()), current);
    Order after = decider.evolve(current, outcome);
    if (after.equals(before)) {
      return;
    }
    boolean decidedHere = !outcome.isEmpty();
    if (decidedHere) {
      // Before the store has it: a reader who finds the decision in the store must be able to
      // tell that its transaction is still open.
      changes.decided(before, after);
    }
    save(before, after);
    for (OrderEvent event : outcome) {
      context.forward(new Record<>(after.id(), OrderRecords.toRecord(event, after),
          event.occurredAt().toEpochMilli()));
    }
    if (after.state() != before.state()) {
      // Per order: DEBUG, or thousands of lines a second under load (the topic is the history).
      log.debug("order {} is {}{}", after.id(), after.state(),
          after.reasons().isEmpty() ? "" : " " + after.reasons());
      if (!decidedHere) {
        changes.changed(after);
      }
    }
  }

  private void save(Order before, Order after) {
    orders.put(after.id(), after);
    if (after.isPlaced() && !before.isPlaced()) {
      customerOrders.put(OrderTopology.customerOrderKey(after.customerId(), after.id()),
          after.placedAt().toEpochMilli());
    }
    if (after.state() == OrderState.PLACED) {
      if (before.state() != OrderState.PLACED) {
        pending.put(after.id(), decider.deadlineOf(after).toEpochMilli());
      }
    } else if (before.state() == OrderState.PLACED) {
      pending.delete(after.id());
    }
  }

  private void concludeOverdue(long wallClockMs) {
    List<String> overdue = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = pending.all()) {
      while (all.hasNext()) {
        KeyValue<String, Long> entry = all.next();
        if (entry.value <= wallClockMs) {
          overdue.add(entry.key);
        }
      }
    }
    for (String orderId : overdue) {
      Order order = stateOf(orderId);
      if (order.state() != OrderState.PLACED) {
        pending.delete(orderId);
      } else {
        conclude(order, order);
      }
    }
  }

  private Order stateOf(String orderId) {
    return Objects.requireNonNullElseGet(orders.get(orderId), () -> Order.unknown(orderId));
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }
}
