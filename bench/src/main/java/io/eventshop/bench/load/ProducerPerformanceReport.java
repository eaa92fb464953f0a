package io.eventshop.bench.load;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final summary line of Kafka's {@code ProducerPerformance}, e.g. {@code 1000000 records sent,
 * 254841.997961 records/sec (48.61 MB/sec), 321.41 ms avg latency, 716.00 ms max latency, 315 ms
 * 50th, 584 ms 95th, 668 ms 99th, 707 ms 99.9th.}
 */
public record ProducerPerformanceReport(long records, int recordSize, double recordsPerSecond,
                                        double mbPerSecond, double avgLatencyMs,
                                        double maxLatencyMs, long p50Ms, long p95Ms, long p99Ms,
                                        long p999Ms) {

  private static final Pattern SUMMARY = Pattern.compile(
      "(\\d+)\\D*? records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
          + " latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th,"
          + " (\\d+) ms 99.9th");

  /** The last summary in the tool's output. */
  static ProducerPerformanceReport parse(String output, int recordSize) {
    Matcher matcher = SUMMARY.matcher(output);
    MatchResult last = null;
    while (matcher.find()) {
      last = matcher.toMatchResult();
    }
    if (last == null) {
      throw new IllegalStateException("no summary line in ProducerPerformance's output:\n"
          + tail(output));
    }
    return new ProducerPerformanceReport(Long.parseLong(last.group(1)), recordSize,
        Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
        Double.parseDouble(last.group(4)), Double.parseDouble(last.group(5)),
        Long.parseLong(last.group(6)), Long.parseLong(last.group(7)),
        Long.parseLong(last.group(8)), Long.parseLong(last.group(9)));
  }

  static String tail(String output) {
    return output.length() <= 2_000 ? output : "…" + output.substring(output.length() - 2_000);
  }
}
