package io.eventshop.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run as {@code <timestamp>.json} and {@code <timestamp>.svg} (the latency chart) into
 * the results directory. Phase entries are flat ({@code clients, ordersPerSecond, p50Ms, p99Ms,
 * …}) so a reader or a script needs no knowledge of the classes.
 */
public final class ResultFiles {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ResultFiles() {
  }

  /** The files written. */
  public record Written(Path json, Path svg) {
  }

  public static Written write(BenchResult result, Path dir) {
    String name = result.timestamp().replace(':', '-');
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve(name + ".json");
      Path svg = dir.resolve(name + ".svg");
      Files.writeString(json, MAPPER.writeValueAsString(toJson(result)) + "\n");
      Files.writeString(svg, LatencyChart.svg(result));
      return new Written(json, svg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results into " + dir, e);
    }
  }

  static JsonNode toJson(BenchResult result) {
    ObjectNode root = MAPPER.valueToTree(result);
    root.withArray("closedLoop").forEach(ResultFiles::flattenLatency);
    root.withArray("openLoop").forEach(ResultFiles::flattenLatency);
    root.withArray("pipeline").forEach(ResultFiles::flattenLatency);
    if (result.rawKafka() != null) {
      ObjectNode raw = (ObjectNode) root.get("rawKafka");
      raw.put("producerRecordsPerSecond", result.rawKafka().producer().recordsPerSecond());
      raw.put("endToEndP50Ms", result.rawKafka().endToEnd().p50Ms());
    }
    root.put("correct", result.correctness().ok());
    return root;
  }

  private static void flattenLatency(JsonNode phase) {
    ObjectNode entry = (ObjectNode) phase;
    JsonNode latency = entry.remove("latency");
    latency.fields().forEachRemaining(field ->
        entry.set(field.getKey().equals("count") ? "latencySamples" : field.getKey(),
            field.getValue()));
  }
}
