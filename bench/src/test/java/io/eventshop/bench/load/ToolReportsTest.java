package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolReportsTest {

  @Test
  void readsTheFinalSummaryOfProducerPerformance() {
    String output = """
        487291 records sent, 97458.2 records/sec (18.59 MB/sec), 280.4 ms avg latency, 610.0 ms max latency.
        1000000 records sent, 102785.481499 records/sec (19.60 MB/sec), 265.14 ms avg latency, 610.00 ms max latency, 251 ms 50th, 470 ms 95th, 540 ms 99th, 601 ms 99.9th.
        """;

    ProducerPerformanceReport report = ProducerPerformanceReport.parse(output, 200);

    assertThat(report).isEqualTo(new ProducerPerformanceReport(1_000_000, 200, 102785.481499,
        19.60, 265.14, 610.00, 251, 470, 540, 601));
  }

  @Test
  void saysSoWhenProducerPerformanceHasNoSummary() {
    assertThatThrownBy(() -> ProducerPerformanceReport.parse("Exception in thread main", 200))
        .hasMessageContaining("no summary line").hasMessageContaining("Exception in thread main");
  }

  @Test
  void readsEndToEndLatency() {
    String output = """
        0\t12.345
        1000\t1.2
        Avg latency: 1.4567 ms
        Percentiles: 50th = 1, 99th = 4, 99.9th = 12
        """;

    EndToEndLatencyReport report = EndToEndLatencyReport.parse(output, 2_000);

    assertThat(report).isEqualTo(new EndToEndLatencyReport(2_000, 1.4567, 1, 4, 12));
    assertThat(report.comparableP50Ms()).isEqualTo(1);
  }

  @Test
  void comparesWithTheAverageWhenTheWholeMillisecondP50IsZero() {
    EndToEndLatencyReport report = EndToEndLatencyReport.parse(
        "Avg latency: 0.6123 ms\nPercentiles: 50th = 0, 99th = 1, 99.9th = 3\n", 100);

    assertThat(report.comparableP50Ms()).isEqualTo(0.6123);
  }
}
