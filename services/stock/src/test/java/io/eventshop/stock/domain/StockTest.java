package io.eventshop.stock.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.stock.domain.StockEvent.GoodsReceived;
import io.eventshop.stock.domain.StockEvent.StockReleased;
import io.eventshop.stock.domain.StockEvent.StockReserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StockTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

  private final Stock stock = new Stock();

  @Test
  void receivingGoodsRaisesTheLevelOnHand() {
    stock.receive("mug", 5, NOW);
    StockChange change = stock.receive("mug", 3, NOW);

    assertThat(change.levels()).containsExactly(new StockLevel("mug", 8, 0));
    assertThat(change.events()).containsExactly(new GoodsReceived("mug", 3, NOW));
    assertThat(stock.levelOf("mug")).contains(new StockLevel("mug", 8, 0));
  }

  @Test
  void refusesReceiptsThatAreNotPositive() {
    assertThatThrownBy(() -> stock.receive("mug", 0, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reservesEveryLineOfAnOrderWhenAllAreAvailable() {
    stock.receive("mug", 5, NOW);
    stock.receive("tea", 2, NOW);

    StockChange change = stock.reserve("o1", "c1",
        List.of(new ReservedLine("mug", 2), new ReservedLine("tea", 2)), NOW);

    assertThat(change.verdict()).get().extracting(StockVerdict::passed).isEqualTo(true);
    assertThat(change.levels()).containsExactly(new StockLevel("mug", 5, 2),
        new StockLevel("tea", 2, 2));
    assertThat(change.events()).containsExactly(new StockReserved("mug", "o1", 2, NOW),
        new StockReserved("tea", "o1", 2, NOW));
    assertThat(change.reservationWritten()).contains(new Reservation("o1",
        List.of(new ReservedLine("mug", 2), new ReservedLine("tea", 2))));
  }

  @Test
  void reservesNothingWhenAnyLineIsOutOfStock() {
    stock.receive("mug", 5, NOW);
    stock.receive("tea", 1, NOW);

    StockChange change = stock.reserve("o1", "c1",
        List.of(new ReservedLine("mug", 2), new ReservedLine("tea", 2)), NOW);

    StockVerdict verdict = change.verdict().orElseThrow();
    assertThat(verdict.passed()).isFalse();
    assertThat(verdict.problems()).containsExactly(StockProblem.OUT_OF_STOCK);
    assertThat(verdict.detail()).contains("tea").doesNotContain("mug");
    assertThat(change.events()).isEmpty();
    assertThat(change.levels()).isEmpty();
    assertThat(stock.levelOf("mug")).contains(new StockLevel("mug", 5, 0));
  }

  @Test
  void namesAProductThatWasNeverStockedAsUnknown() {
    stock.receive("mug", 1, NOW);

    StockVerdict verdict = stock.reserve("o1", "c1",
        List.of(new ReservedLine("mug", 2), new ReservedLine("ghost", 1)), NOW).verdict()
        .orElseThrow();

    assertThat(verdict.problems()).containsExactly(StockProblem.UNKNOWN_PRODUCT,
        StockProblem.OUT_OF_STOCK);
    assertThat(verdict.detail()).contains("ghost").contains("mug");
  }

  @Test
  void addsUpLinesOfTheSameProductBeforeCheckingAvailability() {
    stock.receive("mug", 3, NOW);

    StockChange change = stock.reserve("o1", "c1",
        List.of(new ReservedLine("mug", 2), new ReservedLine("mug", 2)), NOW);

    assertThat(change.verdict().orElseThrow().passed()).isFalse();
    assertThat(stock.levelOf("mug")).contains(new StockLevel("mug", 3, 0));
  }

  @Test
  void ignoresAPlacementOfAnOrderAlreadyDecided() {
    stock.receive("mug", 3, NOW);
    stock.reserve("o1", "c1", List.of(new ReservedLine("mug", 2)), NOW);

    assertThat(stock.reserve("o1", "c1", List.of(new ReservedLine("mug", 1)), NOW).isNone())
        .isTrue();
    assertThat(stock.levelOf("mug")).contains(new StockLevel("mug", 3, 2));
  }

  @Test
  void aRefusedOrderStaysRefusedEvenWhenGoodsArriveBeforeItsDuplicate() {
    stock.reserve("o1", "c1", List.of(new ReservedLine("mug", 2)), NOW);
    stock.receive("mug", 5, NOW);

    assertThat(stock.reserve("o1", "c1", List.of(new ReservedLine("mug", 2)), NOW).isNone())
        .isTrue();
    assertThat(stock.levelOf("mug")).contains(new StockLevel("mug", 5, 0));
  }

  @Test
  void releasesAReservationExactlyOnce() {
    stock.receive("mug", 3, NOW);
    stock.reserve("o1", "c1", List.of(new ReservedLine("mug", 2)), NOW);

    StockChange first = stock.release("o1", "REJECTED", NOW);
    StockChange second = stock.release("o1", "REJECTED", NOW);

    assertThat(first.events()).containsExactly(new StockReleased("mug", "o1", 2, "REJECTED", NOW));
    assertThat(first.reservationRemoved()).contains("o1");
    assertThat(second.isNone()).isTrue();
    assertThat(stock.levelOf("mug")).contains(new StockLevel("mug", 3, 0));
  }

  @Test
  void releasingARefusedOrderOnlyForgetsIt() {
    stock.reserve("o1", "c1", List.of(new ReservedLine("mug", 2)), NOW);

    StockChange change = stock.release("o1", "REJECTED", NOW);

    assertThat(change.events()).isEmpty();
    assertThat(change.reservationRemoved()).contains("o1");
    assertThat(stock.reservationOf("o1")).isEmpty();
  }

  @Test
  void restoresLevelsAndReservationsSoReleasesStillWork() {
    Stock restored = Stock.restore(List.of(new StockLevel("mug", 4, 2)),
        List.of(new Reservation("o1", List.of(new ReservedLine("mug", 2)))));

    restored.release("o1", "CANCELLED", NOW);

    assertThat(restored.levelOf("mug")).contains(new StockLevel("mug", 4, 0));
  }

  @Test
  void neverReservesMoreThanOnHandWhateverTheOrderMix() {
    Random random = new Random(42);
    List<String> skus = List.of("a", "b", "c");
    skus.forEach(sku -> stock.receive(sku, 20, NOW));
    List<String> reserved = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      List<ReservedLine> lines = new ArrayList<>();
      for (int l = 0; l <= random.nextInt(3); l++) {
        lines.add(new ReservedLine(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(4)));
      }
      String orderId = "o" + i;
      if (stock.reserve(orderId, "c", lines, NOW).verdict().orElseThrow().passed()) {
        reserved.add(orderId);
      }
      if (random.nextInt(4) == 0 && !reserved.isEmpty()) {
        stock.release(reserved.remove(random.nextInt(reserved.size())), "CANCELLED", NOW);
      }
      if (random.nextInt(10) == 0) {
        stock.receive(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(3), NOW);
      }
      for (StockLevel level : stock.levels()) {
        assertThat(level.reserved()).isBetween(0L, level.onHand());
      }
    }
    long heldUnits = reserved.stream()
        .flatMap(id -> stock.reservationOf(id).orElseThrow().lines().stream())
        .mapToLong(ReservedLine::quantity).sum();
    assertThat(stock.levels().stream().mapToLong(StockLevel::reserved).sum()).isEqualTo(heldUnits);
  }
}
