package io.eventshop.launcher.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the service's answers: a {@code /ksql} entity as a table, a push query's rows one line
 * each as they arrive (their widths cannot wait for the last row: each cell is padded to its
 * column's name).
 */
final class AnswerPrinter {

  private final PrintWriter out;
  private List<String> columns = List.of();

  AnswerPrinter(PrintWriter out) {
    this.out = out;
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }

  /** One entity of a {@code /ksql} answer, by its {@code @type}. */
  void answer(JsonNode answer) {
    String type = answer.path("@type").asText();
    switch (type) {
      case "currentStatus" -> out.println(answer.path("commandStatus").path("message").asText());
      case "streams", "tables", "queries" -> table(answer.path(type));
      case "kafka_topics" -> table(answer.path("topics"));
      case "properties" -> {
        Table table = new Table("PROPERTY", "VALUE");
        answer.path("properties").properties().forEach(e ->
            table.row(e.getKey(), e.getValue().asText()));
        table.lines().forEach(out::println);
      }
      case "sourceDescription" -> {
        JsonNode description = answer.path("sourceDescription");
        out.println(description.path("type").asText() + " " + description.path("name").asText()
            + " over topic " + description.path("topic").asText() + " ("
            + description.path("valueFormat").asText() + ")");
        table(description.path("fields"));
      }
      case "flinkResult" -> table(answer.path("rows"));
      default -> out.println(answer.toString());
    }
    out.flush();
  }

  /** The header of a push query's rows: its column names. */
  void columns(List<String> names) {
    columns = List.copyOf(names);
    line(String.join(" | ", columns));
  }

  /** One row of a push query, printed as soon as it came. */
  void row(JsonNode cells) {
    List<String> padded = new ArrayList<>();
    int i = 0;
    for (JsonNode cell : cells) {
      String text = cell.isTextual() ? cell.asText() : cell.toString();
      int width = i < columns.size() ? columns.get(i).length() : 0;
      padded.add(width > text.length() ? text + " ".repeat(width - text.length()) : text);
      i++;
    }
    line(String.join(" | ", padded).stripTrailing());
  }

  private void table(JsonNode rows) {
    if (!rows.isArray() || rows.isEmpty()) {
      out.println("(none)");
      return;
    }
    List<String> headers = new ArrayList<>();
    rows.get(0).fieldNames().forEachRemaining(headers::add);
    Table table = new Table(headers.stream().map(h -> h.toUpperCase(Locale.ROOT))
        .toArray(String[]::new));
    for (JsonNode row : rows) {
      Object[] cells = new Object[headers.size()];
      for (int i = 0; i < cells.length; i++) {
        JsonNode cell = row.path(headers.get(i));
        cells[i] = cell.isTextual() ? cell.asText() : cell.toString();
      }
      table.row(cells);
    }
    table.lines().forEach(out::println);
  }
}
