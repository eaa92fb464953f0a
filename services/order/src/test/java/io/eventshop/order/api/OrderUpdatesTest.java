package io.eventshop.order.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.Topics;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderDecider;
import io.eventshop.order.domain.OrderEvent;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.OrderState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class OrderUpdatesTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final Predicate<Order> DECIDED =
      order -> order.isPlaced() && order.state().isDecided();

  private final OrderDecider decider = new OrderDecider(Duration.ofSeconds(10));
  private final OrderUpdates updates = new OrderUpdates();
  private final Order placed = decider.evolve(Order.unknown("o1"), new OrderEvent.OrderPlaced(
      "o1", "c1", List.of(new OrderLine("mug", 1, new BigDecimal("4.50"))),
      new BigDecimal("4.50"), null, NOW));
  private final Order validated =
      decider.evolve(placed, new OrderEvent.OrderValidated("o1", NOW));
  /** What the store holds: the aggregator writes it before its transaction commits. */
  private final AtomicReference<Order> stored = new AtomicReference<>(placed);

  @Test
  void aWaiterIsNotToldAnOutcomeUntilItsTransactionHasCommitted() {
    CompletableFuture<Optional<Order>> waiting = waitForDecision(Duration.ofSeconds(30));

    updates.decided(placed, validated);
    stored.set(validated);
    assertThat(waiting).isNotDone();

    updates.changed(validated);
    assertThat(waiting).isCompletedWithValue(Optional.of(validated));
  }

  @Test
  void aWaiterArrivingWhileTheOutcomeIsUncommittedWaitsForTheCommit() {
    updates.decided(placed, validated);
    stored.set(validated);

    CompletableFuture<Optional<Order>> waiting = waitForDecision(Duration.ofSeconds(30));
    assertThat(waiting).isNotDone();

    updates.changed(validated);
    assertThat(waiting).isCompletedWithValue(Optional.of(validated));
  }

  @Test
  void aWaiterWhoseTimeoutPassesBeforeTheCommitGetsTheOrderAsItWasBefore() {
    updates.decided(placed, validated);
    stored.set(validated);

    CompletableFuture<Optional<Order>> waiting = waitForDecision(Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
    assertThat(waiting.join()).hasValueSatisfying(
        order -> assertThat(order.state()).isEqualTo(OrderState.PLACED));
  }

  @Test
  void aCommittedOutcomeIsAnsweredAtOnce() {
    updates.decided(placed, validated);
    stored.set(validated);
    updates.changed(validated);

    assertThat(waitForDecision(Duration.ofSeconds(30)))
        .isCompletedWithValue(Optional.of(validated));
    assertThat(updates.committed("o1", () -> Optional.of(stored.get()))).contains(validated);
  }

  @Test
  void anOutcomeLeftOpenByAPreviousRunOfItsTaskIsForgottenWhenTheTaskStartsAgain() {
    updates.decided(placed, validated);
    stored.set(validated);

    updates.started(OrderIds.partitionOf("o1", Topics.ORDERS.partitions()));

    assertThat(updates.committed("o1", () -> Optional.of(stored.get()))).contains(validated);
  }

  private CompletableFuture<Optional<Order>> waitForDecision(Duration timeout) {
    return updates.await("o1", DECIDED, timeout, () -> Optional.of(stored.get()));
  }
}
