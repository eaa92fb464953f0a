package io.eventshop.lake.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One read-only {@code SELECT}, checked on DuckDB's own parse tree ({@code json_serialize_sql},
 * which serialises SELECT statements only) rather than on keywords alone: a statement of another
 * kind, more than one statement, a table function that reads files ({@code read_csv},
 * {@code read_parquet}, {@code glob}, …) anywhere in it, are refused with the reason. The lake's
 * tables are read by name ({@code raw.orders}); the engine's lock-down (no file outside the lake,
 * no extension, no setting) stands behind this check.
 *
 * @param sql    the statement as written
 * @param tables the lake tables it names, as {@code zone.name}
 */
record ReadOnlySelect(String sql, Set<String> tables) {

  /** Table functions that make rows without reading anything. */
  private static final Set<String> ROW_MAKERS = Set.of("range", "generate_series", "unnest");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Checks {@code sql} with the parser of {@code duckdb} (a connection nothing else uses yet).
   *
   * @throws RefusedQuery naming why it is not one read-only SELECT
   */
  static ReadOnlySelect check(String sql, Connection duckdb) {
    if (sql == null || sql.isBlank()) {
      throw new RefusedQuery("is empty: write one SELECT, e.g. SELECT count(*) FROM raw.orders");
    }
    int statements = SqlText.statementCount(sql);
    if (statements != 1) {
      throw new RefusedQuery(statements == 0 ? "holds only comments: write one SELECT"
          : "holds " + statements + " statements: one SELECT only");
    }
    JsonNode tree = parseTree(sql, duckdb);
    if (tree.path("error").asBoolean()) {
      String keyword = SqlText.firstKeyword(sql);
      if (!tree.path("error_type").asString().equals("parser")) {
        throw new RefusedQuery("is " + (keyword.isEmpty() ? "not a SELECT" : "a " + keyword
            + " statement") + ": only one read-only SELECT is allowed");
      }
      throw new RefusedQuery("does not parse: " + firstLine(tree.path("error_message").asString()));
    }
    Set<String> tables = new LinkedHashSet<>();
    visit(tree.path("statements"), tables);
    return new ReadOnlySelect(sql, tables);
  }

  private static JsonNode parseTree(String sql, Connection duckdb) {
    try (PreparedStatement statement = duckdb.prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return JSON.readTree(result.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not serialise a statement", e);
    }
  }

  /** Collects the tables named and refuses a table function that reads, wherever it is. */
  private static void visit(JsonNode node, Set<String> tables) {
    if (node.isObject()) {
      String type = node.path("type").asString();
      if (type.equals("TABLE_FUNCTION")) {
        String function = node.path("function").path("function_name").asString();
        if (!ROW_MAKERS.contains(function)) {
          throw new RefusedQuery("calls the table function " + function + ": read the lake's"
              + " tables by name (raw.orders), no files");
        }
      } else if (type.equals("BASE_TABLE")) {
        String schema = node.path("schema_name").asString();
        String table = node.path("table_name").asString();
        if (schema.isEmpty() && (table.contains("/") || table.contains("."))) {
          // DuckDB reads FROM 'some/file.csv' as a file
          throw new RefusedQuery("reads the file " + table + ": read the lake's tables by name"
              + " (raw.orders), no files");
        }
        if (!schema.isEmpty()) {
          tables.add(schema + "." + table);
        }
      }
    }
    for (JsonNode child : node) {
      visit(child, tables);
    }
  }

  static String firstLine(String message) {
    int end = message.indexOf('\n');
    return (end < 0 ? message : message.substring(0, end)).trim();
  }
}
