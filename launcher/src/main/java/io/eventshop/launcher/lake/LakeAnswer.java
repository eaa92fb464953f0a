package io.eventshop.launcher.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's answer: column names and rows as the service sent them.
 *
 * @param columns   the column names, in order
 * @param rows      each row's cells, in the columns' order
 * @param truncated whether rows were cut at the service's row limit
 * @param elapsedMs how long the service took
 */
public record LakeAnswer(List<String> columns, List<List<JsonNode>> rows, boolean truncated,
                         long elapsedMs) {

  public LakeAnswer {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static LakeAnswer of(JsonNode answer) {
    List<String> columns = new ArrayList<>();
    answer.path("columns").forEach(column -> columns.add(column.path("name").asText()));
    List<List<JsonNode>> rows = new ArrayList<>();
    answer.path("rows").forEach(row -> {
      List<JsonNode> cells = new ArrayList<>();
      row.forEach(cells::add);
      rows.add(cells);
    });
    return new LakeAnswer(columns, rows, answer.path("truncated").asBoolean(),
        answer.path("elapsedMs").asLong());
  }

  /** The answer as a terminal table, then a line with the row count and the time. */
  public List<String> lines() {
    Table table = new Table(columns.toArray(String[]::new));
    for (List<JsonNode> row : rows) {
      table.row(row.stream().map(cell -> cell.isTextual() ? cell.asText() : cell.toString())
          .toArray());
    }
    List<String> lines = new ArrayList<>(table.lines());
    lines.add("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s")
        + (truncated ? ", cut at the row limit" : "") + ", " + elapsedMs + " ms)");
    return lines;
  }
}
