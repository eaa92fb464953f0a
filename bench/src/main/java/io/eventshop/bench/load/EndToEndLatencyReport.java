package io.eventshop.bench.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The result lines of Kafka's {@code EndToEndLatency}: {@code Avg latency: 1.2345 ms} and
 * {@code Percentiles: 50th = 1, 99th = 3, 99.9th = 9} (whole milliseconds, truncated: a p50 of 0
 * means under a millisecond, so ratios use the average then).
 */
public record EndToEndLatencyReport(long records, double avgMs, long p50Ms, long p99Ms,
                                    long p999Ms) {

  private static final Pattern AVG = Pattern.compile("Avg latency: ([\\d.]+) ms");
  private static final Pattern PERCENTILES =
      Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

  static EndToEndLatencyReport parse(String output, long records) {
    Matcher avg = AVG.matcher(output);
    Matcher percentiles = PERCENTILES.matcher(output);
    if (!avg.find() || !percentiles.find()) {
      throw new IllegalStateException("no result lines in EndToEndLatency's output:\n"
          + ProducerPerformanceReport.tail(output));
    }
    return new EndToEndLatencyReport(records, Double.parseDouble(avg.group(1)),
        Long.parseLong(percentiles.group(1)), Long.parseLong(percentiles.group(2)),
        Long.parseLong(percentiles.group(3)));
  }

  /** The p50 to compare against; the average when the whole-millisecond p50 truncates to 0. */
  double comparableP50Ms() {
    return p50Ms > 0 ? p50Ms : avgMs;
  }
}
