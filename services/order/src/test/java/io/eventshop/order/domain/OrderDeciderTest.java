package io.eventshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.order.domain.OrderCommand.CancelOrder;
import io.eventshop.order.domain.OrderCommand.Conclude;
import io.eventshop.order.domain.OrderCommand.PlaceOrder;
import io.eventshop.order.domain.OrderCommand.RecordVerdict;
import io.eventshop.order.domain.OrderEvent.OrderCancelled;
import io.eventshop.order.domain.OrderEvent.OrderPlaced;
import io.eventshop.order.domain.OrderEvent.OrderRejected;
import io.eventshop.order.domain.OrderEvent.OrderValidated;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderDeciderTest {

  private static final Instant PLACED_AT = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final OrderDecider decider = new OrderDecider(TIMEOUT);

  private final PlaceOrder place = new PlaceOrder("o1", "c1",
      List.of(new OrderLine("mug", 2, new BigDecimal("4.50")),
          new OrderLine("tea", 1, new BigDecimal("3.00"))), "key-1", PLACED_AT);

  @Test
  void placingAnOrderPricesItsTotal() {
    List<OrderEvent> events = decider.decide(place, Order.unknown("o1"));

    assertThat(events).hasSize(1);
    OrderPlaced placed = (OrderPlaced) events.get(0);
    assertThat(placed.total()).isEqualByComparingTo("12.00");
    assertThat(placed.idempotencyKey()).isEqualTo("key-1");
    Order order = decider.evolve(Order.unknown("o1"), events);
    assertThat(order.state()).isEqualTo(OrderState.PLACED);
    assertThat(order.customerId()).isEqualTo("c1");
  }

  @Test
  void placingAnOrderTwiceDecidesNothingTheSecondTime() {
    Order placed = placed();

    assertThat(decider.decide(place, placed)).isEmpty();
  }

  @Test
  void aDuplicatePlacementEventChangesNothing() {
    Order validated = withVerdicts(placed(), Verdict.pass(Validator.STOCK),
        Verdict.pass(Validator.CUSTOMER), Verdict.pass(Validator.FRAUD));
    validated = conclude(validated, PLACED_AT.plusSeconds(1));

    Order after = decider.evolve(validated, decider.decide(place, Order.unknown("o1")));

    assertThat(after).isEqualTo(validated);
  }

  @Test
  void validatesAnOrderWhenAllThreeValidatorsPass() {
    Order order = withVerdicts(placed(), Verdict.pass(Validator.STOCK),
        Verdict.pass(Validator.CUSTOMER), Verdict.pass(Validator.FRAUD));

    List<OrderEvent> outcome = decider.decide(new Conclude(PLACED_AT.plusMillis(5)), order);

    assertThat(outcome).containsExactly(new OrderValidated("o1", PLACED_AT.plusMillis(5)));
    assertThat(decider.evolve(order, outcome).state()).isEqualTo(OrderState.VALIDATED);
  }

  @Test
  void waitsWhileAVerdictIsMissingAndTheTimeoutHasNotPassed() {
    Order order = withVerdicts(placed(), Verdict.pass(Validator.STOCK),
        Verdict.fail(Validator.CUSTOMER, Reason.CREDIT_LIMIT_EXCEEDED));

    assertThat(decider.decide(new Conclude(PLACED_AT.plusSeconds(9)), order)).isEmpty();
  }

  @Test
  void rejectsWithEveryReasonWhenAnyValidatorFails() {
    Order order = withVerdicts(placed(), Verdict.fail(Validator.STOCK, Reason.OUT_OF_STOCK),
        Verdict.fail(Validator.CUSTOMER, Reason.CREDIT_LIMIT_EXCEEDED),
        Verdict.pass(Validator.FRAUD));

    List<OrderEvent> outcome = decider.decide(new Conclude(PLACED_AT), order);

    assertThat(outcome).containsExactly(new OrderRejected("o1",
        List.of(Reason.OUT_OF_STOCK, Reason.CREDIT_LIMIT_EXCEEDED), PLACED_AT));
    Order rejected = decider.evolve(order, outcome);
    assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
    assertThat(rejected.reasons()).containsExactly(Reason.OUT_OF_STOCK,
        Reason.CREDIT_LIMIT_EXCEEDED);
  }

  @Test
  void rejectsWithTimeoutWhenVerdictsAreMissingAfterTheTimeout() {
    Order order = withVerdicts(placed(), Verdict.pass(Validator.STOCK),
        Verdict.fail(Validator.FRAUD, Reason.FRAUD_SUSPECTED));

    List<OrderEvent> outcome = decider.decide(new Conclude(PLACED_AT.plus(TIMEOUT)), order);

    assertThat(outcome).containsExactly(new OrderRejected("o1",
        List.of(Reason.TIMEOUT, Reason.FRAUD_SUSPECTED), PLACED_AT.plus(TIMEOUT)));
  }

  @Test
  void ignoresAVerdictThatArrivesAfterTheOutcome() {
    Order rejected = conclude(placed(), PLACED_AT.plus(TIMEOUT));

    assertThat(decider.decide(new RecordVerdict(Verdict.pass(Validator.STOCK), PLACED_AT),
        rejected)).isEmpty();
  }

  @Test
  void ignoresASecondVerdictOfTheSameValidator() {
    Order order = withVerdicts(placed(), Verdict.pass(Validator.STOCK));

    assertThat(decider.decide(new RecordVerdict(
        Verdict.fail(Validator.STOCK, Reason.OUT_OF_STOCK), PLACED_AT), order)).isEmpty();
  }

  @Test
  void keepsVerdictsThatArriveBeforeThePlacement() {
    Order early = withVerdicts(Order.unknown("o1"), Verdict.pass(Validator.STOCK),
        Verdict.pass(Validator.CUSTOMER), Verdict.pass(Validator.FRAUD));

    assertThat(decider.decide(new Conclude(PLACED_AT), early)).isEmpty();
    Order placed = decider.evolve(early, decider.decide(place, early));

    assertThat(decider.decide(new Conclude(PLACED_AT), placed))
        .containsExactly(new OrderValidated("o1", PLACED_AT));
  }

  @Test
  void cancelsOnlyAValidatedOrder() {
    Order validated = withVerdicts(placed(), Verdict.pass(Validator.STOCK),
        Verdict.pass(Validator.CUSTOMER), Verdict.pass(Validator.FRAUD));
    validated = conclude(validated, PLACED_AT);

    List<OrderEvent> events = decider.decide(new CancelOrder(PLACED_AT), validated);

    assertThat(events).containsExactly(new OrderCancelled("o1", PLACED_AT));
    Order cancelled = decider.evolve(validated, events);
    assertThat(cancelled.state()).isEqualTo(OrderState.CANCELLED);
    assertThatThrownBy(() -> decider.decide(new CancelOrder(PLACED_AT), cancelled))
        .isInstanceOf(OrderNotCancellable.class);
  }

  @Test
  void refusesToCancelARejectedOrderAndTellsAnUnknownOne() {
    Order rejected = conclude(placed(), PLACED_AT.plus(TIMEOUT));

    assertThatThrownBy(() -> decider.decide(new CancelOrder(PLACED_AT), rejected))
        .isInstanceOfSatisfying(OrderNotCancellable.class,
            e -> assertThat(e.isUnknownOrder()).isFalse());
    assertThatThrownBy(() -> decider.decide(new CancelOrder(PLACED_AT), Order.unknown("x")))
        .isInstanceOfSatisfying(OrderNotCancellable.class,
            e -> assertThat(e.isUnknownOrder()).isTrue());
  }

  @Test
  void anOutcomeReadBackFromTheTopicChangesNothing() {
    Order validated = conclude(withVerdicts(placed(), Verdict.pass(Validator.STOCK),
        Verdict.pass(Validator.CUSTOMER), Verdict.pass(Validator.FRAUD)), PLACED_AT);

    assertThat(decider.evolve(validated, new OrderRejected("o1", List.of(Reason.TIMEOUT),
        PLACED_AT))).isEqualTo(validated);
    assertThat(decider.evolve(validated, new OrderValidated("o1", PLACED_AT)))
        .isEqualTo(validated);
  }

  private Order placed() {
    return decider.evolve(Order.unknown("o1"), decider.decide(place, Order.unknown("o1")));
  }

  private Order withVerdicts(Order order, Verdict... verdicts) {
    Order result = order;
    for (Verdict verdict : verdicts) {
      result = decider.evolve(result,
          decider.decide(new RecordVerdict(verdict, PLACED_AT), result));
    }
    return result;
  }

  private Order conclude(Order order, Instant now) {
    return decider.evolve(order, decider.decide(new Conclude(now), order));
  }
}
