package io.eventshop.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, in milliseconds for reports.
 *
 * @param count how many latencies were recorded
 */
public record LatencySummary(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms,
                             double p999Ms, double maxMs) {

  /** Microseconds up to an hour with three significant digits: 0.1 % error at any scale. */
  public static Histogram newHistogram() {
    return new Histogram(3_600_000_000L, 3);
  }

  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(micros.getTotalCount(), ms(micros.getMean()),
        ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
        ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
        ms(micros.getMaxValue()));
  }

  private static double ms(double micros) {
    return Math.round(micros / 10.0) / 100.0; // two decimals of a millisecond
  }
}
