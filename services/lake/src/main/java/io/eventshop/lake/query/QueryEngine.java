package io.eventshop.lake.query;

import io.eventshop.lake.catalog.LakeCatalog;
import io.eventshop.lake.catalog.LakeTable;
import io.eventshop.lake.catalog.UnsupportedTable;
import io.eventshop.lake.config.LakeSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs one read-only SELECT over the lake in a DuckDB of its own (in memory, gone after the
 * query): the tables the query names become views over the files of their current Iceberg
 * snapshot ({@code raw.orders} = {@code read_parquet([...])}), then DuckDB is locked down (no
 * file outside the lake, no extension loaded or installed, no setting changed) before the query
 * runs, with a row limit and a time limit.
 *
 * <p>A DuckDB per query costs a few milliseconds and sees each table's latest commit; a shared
 * one would need its views replaced under running queries.
 */
public final class QueryEngine implements AutoCloseable {

  private final LakeCatalog lake;
  private final LakeSettings settings;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "lake-query-timer");
    thread.setDaemon(true);
    return thread;
  });

  public QueryEngine(LakeCatalog lake, LakeSettings settings) {
    this.lake = lake;
    this.settings = settings;
  }

  /**
   * Answers {@code sql}.
   *
   * @throws RefusedQuery when it is not one read-only SELECT, names what is not in the lake,
   *                      fails in DuckDB or runs longer than the time limit
   */
  public QueryAnswer run(String sql) {
    long start = System.nanoTime();
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", duckdbConfig())) {
      ReadOnlySelect select = ReadOnlySelect.check(sql, duckdb);
      createViews(duckdb, select);
      lockDown(duckdb);
      return answer(duckdb, select, start);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed outside the query", e);
    }
  }

  private Properties duckdbConfig() {
    Properties config = new Properties();
    config.setProperty("memory_limit", settings.memoryLimit());
    config.setProperty("threads", Integer.toString(settings.threads()));
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("autoload_known_extensions", "false");
    // rows are fetched as they are read: a query over millions of rows does not materialise them
    config.setProperty("jdbc_stream_results", "true");
    return config;
  }

  private void createViews(Connection duckdb, ReadOnlySelect select) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      // only the lake's directory is readable from here on, views included
      statement.execute("SET allowed_directories = [" + literal(lake.warehouse() + "/") + "]");
      statement.execute("SET enable_external_access = false");
      for (String zone : List.of("raw", "refined")) {
        statement.execute("CREATE SCHEMA " + zone);
      }
      for (String name : select.tables()) {
        Optional<LakeTable> table = current(name);
        if (table.isPresent() && !table.get().files().isEmpty()) {
          statement.execute("CREATE VIEW " + table.get().qualifiedName() + " AS SELECT * FROM "
              + "read_parquet([" + table.get().files().stream().map(QueryEngine::literal)
              .collect(Collectors.joining(", ")) + "], union_by_name = true)");
        }
      }
    }
  }

  private Optional<LakeTable> current(String qualifiedName) {
    int dot = qualifiedName.indexOf('.');
    try {
      return lake.current(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    } catch (UnsupportedTable e) {
      throw new RefusedQuery("reads " + qualifiedName + ": " + e.getMessage());
    }
  }

  private static void lockDown(Connection duckdb) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("SET lock_configuration = true");
    }
  }

  private QueryAnswer answer(Connection duckdb, ReadOnlySelect select, long start)
      throws SQLException {
    AtomicBoolean timedOut = new AtomicBoolean();
    try (Statement statement = duckdb.createStatement()) {
      ScheduledFuture<?> cancel = timer.schedule(() -> {
        timedOut.set(true);
        try {
          statement.cancel();
        } catch (SQLException ignored) {
          // the query ended at that moment
        }
      }, settings.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
      try (ResultSet result = statement.executeQuery(select.sql())) {
        ResultSetMetaData meta = result.getMetaData();
        List<QueryAnswer.Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          columns.add(new QueryAnswer.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.next()) {
          if (rows.size() == settings.rowLimit()) {
            truncated = true;
            break;
          }
          List<Object> row = new ArrayList<>(columns.size());
          for (int i = 1; i <= columns.size(); i++) {
            row.add(JsonValues.of(result.getObject(i)));
          }
          rows.add(row);
        }
        return new QueryAnswer(columns, rows, truncated,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      } finally {
        cancel.cancel(false);
      }
    } catch (SQLException e) {
      if (timedOut.get()) {
        throw new RefusedQuery("ran longer than the limit of " + settings.timeLimit().toMillis()
            + " ms and was cancelled: narrow it down (a WHERE on the day, fewer columns)");
      }
      throw new RefusedQuery("failed: " + ReadOnlySelect.firstLine(e.getMessage()));
    }
  }

  /** A SQL string literal. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
