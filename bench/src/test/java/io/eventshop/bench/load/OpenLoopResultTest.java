package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenLoopResultTest {

  private static final LatencySummary P99_80_MS = new LatencySummary(1_000, 20, 15, 60, 80, 90, 95);
  private static final LatencySummary P99_120_MS =
      new LatencySummary(1_000, 20, 15, 60, 120, 130, 140);

  @Test
  void aRateIsSustainedWhenTheShopKeepsUpWithP99UnderTheBound() {
    assertThat(OpenLoopResult.sustains(1_000, 980, 0, 0, P99_80_MS)).isTrue();
  }

  @Test
  void aRateIsNotSustainedWhenTheShopFallsBehind() {
    assertThat(OpenLoopResult.sustains(1_000, 900, 0, 0, P99_80_MS)).isFalse();
  }

  @Test
  void aRateIsNotSustainedWhenP99ReachesTheBound() {
    assertThat(OpenLoopResult.sustains(1_000, 1_000, 0, 0, P99_120_MS)).isFalse();
  }

  @Test
  void aRateIsNotSustainedWhenOrdersWereDroppedOrFailed() {
    assertThat(OpenLoopResult.sustains(1_000, 1_000, 1, 0, P99_80_MS)).isFalse();
    assertThat(OpenLoopResult.sustains(1_000, 1_000, 0, 1, P99_80_MS)).isFalse();
  }

  @Test
  void aPhaseWithoutOneFinalOrderSustainsNothing() {
    assertThat(OpenLoopResult.sustains(10, 10, 0, 0, new LatencySummary(0, 0, 0, 0, 0, 0, 0)))
        .isFalse();
  }
}
