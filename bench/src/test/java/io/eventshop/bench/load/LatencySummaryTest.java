package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void reportsPercentilesInMillisecondsFromMicroseconds() {
    Histogram micros = LatencySummary.newHistogram();
    for (int ms = 1; ms <= 1_000; ms++) {
      micros.recordValue(ms * 1_000L);
    }

    LatencySummary summary = LatencySummary.of(micros);

    assertThat(summary.count()).isEqualTo(1_000);
    assertThat(summary.p50Ms()).isCloseTo(500, within(1.0));
    assertThat(summary.p95Ms()).isCloseTo(950, within(1.0));
    assertThat(summary.p99Ms()).isCloseTo(990, within(1.0));
    assertThat(summary.p999Ms()).isCloseTo(999, within(1.0));
    assertThat(summary.maxMs()).isCloseTo(1_000, within(1.0));
    assertThat(summary.meanMs()).isCloseTo(500.5, within(1.0));
  }

  @Test
  void aStallMeasuredFromIntendedSendTimesShowsInTheHighPercentiles() {
    // 100 orders/s for 10 s; the shop stalls for 1 s at t=5 s and answers everything waiting at
    // once. Measured from intended send times, the 100 orders due during the stall wait 1000,
    // 990, … 10 ms: about 1 % of all orders above 500 ms, none of them hidden.
    RateSchedule schedule = RateSchedule.of(0, 100, java.time.Duration.ofSeconds(10));
    Histogram fromIntended = LatencySummary.newHistogram();
    long stallStart = 5_000_000_000L;
    long stallEnd = 6_000_000_000L;
    long service = 2_000_000L;
    for (long i = 0; i < schedule.count(); i++) {
      long intended = schedule.intendedNanos(i);
      long answered = intended >= stallStart && intended < stallEnd
          ? stallEnd + service : intended + service;
      fromIntended.recordValue((answered - intended) / 1_000);
    }

    LatencySummary summary = LatencySummary.of(fromIntended);

    assertThat(summary.p50Ms()).isCloseTo(2, within(0.1));
    assertThat(summary.p99Ms()).isGreaterThan(500);
    assertThat(summary.maxMs()).isCloseTo(1_002, within(2.0));
  }

  @Test
  void anEmptyPhaseHasZeroes() {
    assertThat(LatencySummary.of(LatencySummary.newHistogram()))
        .isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0, 0));
  }
}
