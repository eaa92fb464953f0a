package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ResultFilesTest {

  static BenchResult sample() {
    LatencySummary fast = new LatencySummary(1_000, 9, 8.5, 14, 21.25, 40, 55);
    LatencySummary slow = new LatencySummary(5_000, 300, 250, 800, 1_200, 1_900, 2_400);
    return new BenchResult("2026-11-25T21:30:00Z",
        new BenchResult.Machine(2, 23.4, "Linux 6.1", "OpenJDK 17"), "gateway", 1_000, 10_000,
        42.5,
        List.of(new ClosedLoopResult(1, 1_000, 0, 20, 50, fast),
            new ClosedLoopResult(64, 5_000, 0, 20, 250, slow)),
        List.of(new OpenLoopResult(100, 2_000, 0, 2_000, 0, 99.5, fast, true),
            new OpenLoopResult(1_000, 20_000, 0, 19_000, 1_000, 700, slow, false)),
        100.0,
        new RawKafkaResult(new ProducerPerformanceReport(1_000_000, 200, 150_000, 28.6, 200, 600,
            180, 400, 500, 580), new EndToEndLatencyReport(10_000, 1.8, 2, 5, 12),
            new ProcessUsage("producer-performance", 11, 30, 400),
            new ProcessUsage("end-to-end-latency", 12, 5, 200)),
        new BenchResult.Pipeline(8.4, 250, 2_100, 0.014, 4.25),
        List.of(new PipelineResult(2_000, 40_000, 0, 40_000, 39_990, 10,
                Map.of("OUT_OF_STOCK", 10L), 0, 0, 1_990.5, fast, true),
            new PipelineResult(5_000, 100_000, 0, 99_000, 99_000, 0, Map.of(), 1_000, 0, 3_100,
                slow, false)),
        2_000.0,
        List.of(new ProcessUsage("kafka", 10, 120.5, 900)), 150, 60, 25.0,
        new CorrectnessReport(28_000, 28_000, 0, 0, Map.of("VALIDATED", 28_000L), Map.of(),
            1_000, List.of()),
        Map.of(), List.of(new BacklogDrain("closed loop C=1", 0.5, true, Map.of()),
            new BacklogDrain("open loop R=1000", 120, false, Map.of("search", 4_200L))));
  }

  @Test
  void writesTheFieldsThePublishedFiguresAreReadFrom(@TempDir Path dir) throws Exception {
    ResultFiles.Written written = ResultFiles.write(sample(), dir);

    assertThat(written.json().getFileName().toString()).isEqualTo("2026-11-25T21-30-00Z.json");
    JsonNode json = new ObjectMapper().readTree(written.json().toFile());
    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
    assertThat(json.at("/machine/memoryGiB").asDouble()).isEqualTo(23.4);
    assertThat(json.at("/closedLoop/0/clients").asInt()).isEqualTo(1);
    assertThat(json.at("/closedLoop/0/ordersPerSecond").asDouble()).isEqualTo(50);
    assertThat(json.at("/closedLoop/0/p50Ms").asDouble()).isEqualTo(8.5);
    assertThat(json.at("/closedLoop/0/p99Ms").asDouble()).isEqualTo(21.25);
    assertThat(json.at("/openLoop/1/offeredRate").asDouble()).isEqualTo(1_000);
    assertThat(json.at("/openLoop/1/achievedRate").asDouble()).isEqualTo(700);
    assertThat(json.at("/drains/1/after").asText()).isEqualTo("open loop R=1000");
    assertThat(json.at("/drains/1/drained").asBoolean()).isFalse();
    assertThat(json.at("/drains/1/lagLeft/search").asLong()).isEqualTo(4_200);
    assertThat(json.at("/openLoop/1/p50Ms").asDouble()).isEqualTo(250);
    assertThat(json.at("/openLoop/1/p99Ms").asDouble()).isEqualTo(1_200);
    assertThat(json.at("/rawKafka/producerRecordsPerSecond").asDouble()).isEqualTo(150_000);
    assertThat(json.at("/rawKafka/endToEndP50Ms").asDouble()).isEqualTo(2);
    assertThat(json.at("/cpuMsPerOrder").asDouble()).isEqualTo(25);
    assertThat(json.at("/highestSustainedRate").asDouble()).isEqualTo(100);
    assertThat(json.at("/pipeline/0/offeredRate").asDouble()).isEqualTo(2_000);
    assertThat(json.at("/pipeline/0/achievedRate").asDouble()).isEqualTo(1_990.5);
    assertThat(json.at("/pipeline/0/p50Ms").asDouble()).isEqualTo(8.5);
    assertThat(json.at("/pipeline/0/p99Ms").asDouble()).isEqualTo(21.25);
    assertThat(json.at("/pipeline/0/rejectionReasons/OUT_OF_STOCK").asLong()).isEqualTo(10);
    assertThat(json.at("/pipeline/1/missing").asLong()).isEqualTo(1_000);
    assertThat(json.at("/pipeline/1/sustained").asBoolean()).isFalse();
    assertThat(json.at("/highestSustainedPipelineRate").asDouble()).isEqualTo(2_000);
    assertThat(json.at("/pipelineVsRaw/writesPerOrder").asDouble()).isEqualTo(8.4);
    assertThat(json.at("/correct").asBoolean()).isTrue();
  }

  @Test
  void drawsTheChartAsWellFormedSvgWithALinePerPercentile(@TempDir Path dir) throws Exception {
    ResultFiles.Written written = ResultFiles.write(sample(), dir);

    String svg = Files.readString(written.svg());
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    // five percentiles in each of the three panels: open loop, closed loop, pipeline
    assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(15);
    assertThat(svg).contains("p99 bound", "1,000", "C=64", "got 700/s", "Pipeline",
        "got 3,100/s");
  }

  @Test
  void tabulatesThePipelinePhasesWithTheirHighestSustainedRate() {
    String table = SummaryTable.render(sample());

    assertThat(table).contains("pipeline     outcomes/s",
        "highest pipeline rate (OrderPlaced straight to Kafka) with p99 < 100 ms: 2000 orders/s",
        "{OUT_OF_STOCK=10}", "order pipeline: 8.4 topic writes per order");
  }

  @Test
  void saysWhichPhaseBeganWithTheBacklogOfThePhaseBeforeIt() {
    String table = SummaryTable.render(sample());

    assertThat(table).contains("backlog between phases: after open loop R=1000 NOT drained"
        + " within 120 s, the next phase met {search=4200}");
  }

  @Test
  void placesLatenciesOnALogScale() {
    LatencyChart.LogScale scale = LatencyChart.LogScale.covering(3, 2_400, 300, 50);

    assertThat(scale.ticks()).containsExactly(1.0, 10.0, 100.0, 1_000.0, 10_000.0);
    assertThat(scale.y(1)).isEqualTo(300);
    assertThat(scale.y(10_000)).isEqualTo(50);
    assertThat(scale.y(100)).isEqualTo(175);
  }
}
