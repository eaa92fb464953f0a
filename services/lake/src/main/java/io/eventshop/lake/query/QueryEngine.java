package io.eventshop.lake.query;

import io.eventshop.lake.config.LakeSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one read-only SELECT over the lake in a {@link LakeDatabase} of its own: the tables the
 * query names become views over their current files, then its configuration is locked (no
 * setting changed, so the fence around the lake stays) before the query runs, with a row limit
 * and a time limit.
 */
public final class QueryEngine implements AutoCloseable {

  private final LakeDatabase database;
  private final LakeSettings settings;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "lake-query-timer");
    thread.setDaemon(true);
    return thread;
  });

  public QueryEngine(LakeDatabase database, LakeSettings settings) {
    this.database = database;
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
    try (Connection duckdb = database.open()) {
      ReadOnlySelect select = ReadOnlySelect.check(sql, duckdb);
      database.showTables(duckdb, select.tables());
      lockDown(duckdb);
      return answer(duckdb, select, start);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB failed outside the query", e);
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

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
