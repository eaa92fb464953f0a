package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventshop.bench.load.OrderLedger.Tracked;
import io.eventshop.bench.load.ShopApi.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTallyTest {

  private static final long START = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private final OrderLedger ledger = new OrderLedger();
  private final PipelineTally tally = new PipelineTally();

  private Tracked sent(String orderId, long intendedNanos) {
    Tracked order = ledger.track("key-" + orderId, "c1", List.of(new Line("A", 2)));
    order.orderId = orderId;
    tally.sent(orderId, intendedNanos, order);
    return order;
  }

  @Test
  void timesEachOutcomeFromItsIntendedSendTimeAndSettlesTheLedger() {
    Tracked first = sent("o1", START);
    Tracked second = sent("o2", START + 10 * MS);

    tally.outcome("o1", "VALIDATED", List.of(), START + 20 * MS);
    tally.outcome("o2", "REJECTED", List.of("OUT_OF_STOCK"), START + 50 * MS);
    PipelineResult result = tally.result(2, START);

    assertThat(result.produced()).isEqualTo(2);
    assertThat(result.outcomes()).isEqualTo(2);
    assertThat(result.validated()).isEqualTo(1);
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(result.rejectionReasons()).containsEntry("OUT_OF_STOCK", 1L);
    // the histogram keeps three significant digits
    assertThat(result.latency().p50Ms()).isCloseTo(20, within(0.1));
    assertThat(result.latency().maxMs()).isCloseTo(40, within(0.1));
    // two outcomes in the 50 ms from the start to the last one
    assertThat(result.achievedRate()).isEqualTo(40);
    assertThat(result.missing()).isZero();
    assertThat(tally.settled()).isTrue();
    assertThat(first.isFinal()).isTrue();
    assertThat(second.state).isEqualTo("REJECTED");
    assertThat(second.reasons).containsExactly("OUT_OF_STOCK");
    assertThat(ledger.validatedUnitsBySku()).containsEntry("A", 2L);
  }

  @Test
  void countsOrdersWithoutOutcomeAsMissingAndASecondOutcomeAsDuplicate() {
    sent("o1", START);
    sent("o2", START);

    tally.outcome("o1", "VALIDATED", List.of(), START + MS);
    tally.outcome("o1", "VALIDATED", List.of(), START + 2 * MS);
    PipelineResult result = tally.result(1_000, START);

    assertThat(result.missing()).isEqualTo(1);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(result.outcomes()).isEqualTo(1);
    assertThat(result.sustained()).isFalse();
    assertThat(tally.settled()).isFalse();
  }

  @Test
  void ignoresOtherOrdersAndForgetsWhatTheBrokerDidNotTake() {
    sent("o1", START);
    sent("o2", START);

    assertThat(tally.isOurs("someone-else")).isFalse();
    tally.outcome("someone-else", "VALIDATED", List.of(), START + MS);
    tally.sendFailed("o2");
    tally.outcome("o1", "VALIDATED", List.of(), START + MS);
    PipelineResult result = tally.result(1_000, START);

    assertThat(tally.isOurs("o1")).isTrue();
    assertThat(result.outcomes()).isEqualTo(1);
    assertThat(result.sendFailures()).isEqualTo(1);
    assertThat(result.missing()).isZero();
    assertThat(result.duplicates()).isZero();
    assertThat(tally.settled()).isTrue();
  }

  @Test
  void sustainsARateKeptUpWithUnderTheP99Bound() {
    for (int i = 0; i < 100; i++) {
      sent("o" + i, START + i * 10 * MS);
      tally.outcome("o" + i, "VALIDATED", List.of(), START + i * 10 * MS + 5 * MS);
    }

    PipelineResult result = tally.result(100, START);

    assertThat(result.achievedRate()).isGreaterThanOrEqualTo(95);
    assertThat(result.latency().p99Ms()).isLessThan(LoadPhases.SUSTAINED_P99_MS);
    assertThat(result.sustained()).isTrue();
  }
}
