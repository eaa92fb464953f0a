package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole run against an in-memory stand-in of the shop's API: mechanics and checks. */
class BenchTest {

  private final PrintStream out = System.out;
  private FakeShop shop;

  @BeforeEach
  void startShop() throws Exception {
    shop = new FakeShop();
  }

  @AfterEach
  void stopShop() {
    shop.close();
  }

  private static BenchOptions options() {
    return new BenchOptions(false, 10, 30, Duration.ofMillis(200), List.of(1, 4),
        List.of(50.0), List.of(), BenchOptions.DEFAULT_ORDERS_PER_CUSTOMER, Duration.ofSeconds(1), 1_000, 100, Duration.ofSeconds(2), false, 0, 200,
        0, null);
  }

  /** Enough orders to hit a fault, quickly: one short closed-loop phase. */
  private static BenchOptions faultOptions() {
    return new BenchOptions(false, 10, 30, Duration.ZERO, List.of(2), List.of(), List.of(),
        BenchOptions.DEFAULT_ORDERS_PER_CUSTOMER, Duration.ofMillis(500), 100, 100, Duration.ofSeconds(2), false, 0, 200, 0, null);
  }

  @Test
  void measuresBothLoopsAndFindsEveryOrderFinalAndTheStockConsistent() {
    BenchResult result = Bench.run(options(), shop.endpoints(), out);

    assertThat(result.closedLoop()).extracting(ClosedLoopResult::clients).containsExactly(1, 4);
    assertThat(result.closedLoop()).allSatisfy(phase -> {
      assertThat(phase.orders()).isPositive();
      assertThat(phase.failed()).isZero();
      assertThat(phase.ordersPerSecond()).isPositive();
      assertThat(phase.latency().p50Ms()).isPositive();
    });
    OpenLoopResult open = result.openLoop().get(0);
    assertThat(open.sent()).isEqualTo(50);
    assertThat(open.orders()).isEqualTo(50);
    assertThat(open.dropped()).isZero();
    assertThat(open.achievedRate()).isPositive();
    assertThat(result.correctness().problems()).isEmpty();
    assertThat(result.correctness().lost()).isZero();
    assertThat(result.correctness().accepted()).isEqualTo(shop.ordersPlaced.get());
    assertThat(result.correctness().finalStates().get("VALIDATED"))
        .isEqualTo(shop.ordersPlaced.get());
    assertThat(result.rawKafka()).isNull();
    assertThat(SummaryTable.render(result)).contains("closed loop", "open loop", "OK");
  }

  @Test
  void failsTheRunWhenAnAcceptedOrderNeverBecomesFinal() {
    shop.loseOrders = true;

    BenchResult result = Bench.run(faultOptions(), shop.endpoints(), out);

    assertThat(result.correctness().ok()).isFalse();
    assertThat(result.correctness().lost()).isPositive();
    assertThat(result.correctness().problems()).anyMatch(p -> p.contains("never reached a final"));
  }

  @Test
  void failsTheRunWhenStockReservesMoreThanTheValidatedOrders() {
    shop.overReserve = true;

    BenchResult result = Bench.run(faultOptions(), shop.endpoints(), out);

    assertThat(result.correctness().ok()).isFalse();
    assertThat(result.correctness().problems()).anyMatch(p -> p.contains("reserved"));
  }
}
