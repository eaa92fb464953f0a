package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StockInvariantTest {

  @Test
  void holdsWhenReservedEqualsTheValidatedUnitsWithinWhatWasReceived() {
    assertThat(StockInvariant.violations("A", 100, 40, 100, 40)).isEmpty();
  }

  @Test
  void reportsOverselling() {
    assertThat(StockInvariant.violations("A", 10, 11, 10, 11))
        .anyMatch(problem -> problem.contains("oversold"));
  }

  @Test
  void reportsAReservationNotReleasedOrReleasedTwice() {
    assertThat(StockInvariant.violations("A", 100, 40, 100, 41)).singleElement()
        .asString().contains("reserved 41 but 40");
    assertThat(StockInvariant.violations("A", 100, 40, 100, 39)).hasSize(1);
  }

  @Test
  void reportsGoodsThatAppearedOrVanished() {
    assertThat(StockInvariant.violations("A", 100, 0, 90, 0)).singleElement()
        .asString().contains("onHand 90 but 100 received");
  }
}
