package io.eventshop.lake.query;

import io.eventshop.lake.catalog.LakeCatalog;
import io.eventshop.lake.catalog.LakeTable;
import io.eventshop.lake.catalog.UnsupportedTable;
import io.eventshop.lake.config.LakeSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * A DuckDB of its own (in memory, gone when closed) that sees the lake and nothing else: only
 * the lake's directory is readable and writable ({@code allowed_directories}, then
 * {@code enable_external_access = false}), no extension is installed or loaded automatically,
 * and the tables asked for are views over the files of their current Iceberg snapshot
 * ({@code raw.orders} = {@code read_parquet([...])}).
 *
 * <p>One per query or refinement costs a few milliseconds and sees each table's latest commit;
 * a shared one would need its views replaced under running queries.
 */
public final class LakeDatabase {

  /** The zone of the events as they are, landed by the sink. */
  public static final String RAW = "raw";
  /** The zone of the tables derived from raw ones. */
  public static final String REFINED = "refined";
  /** The lake's zones, a schema each. */
  public static final List<String> ZONES = List.of(RAW, REFINED);

  private final LakeCatalog lake;
  private final LakeSettings settings;

  public LakeDatabase(LakeCatalog lake, LakeSettings settings) {
    this.lake = lake;
    this.settings = settings;
  }

  public LakeCatalog lake() {
    return lake;
  }

  /** A DuckDB with no view yet: {@link #showTables} makes them. */
  public Connection open() throws SQLException {
    Properties config = new Properties();
    config.setProperty("memory_limit", settings.memoryLimit());
    config.setProperty("threads", Integer.toString(settings.threads()));
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("autoload_known_extensions", "false");
    // rows are fetched as they are read: a query over millions of rows does not materialise them
    config.setProperty("jdbc_stream_results", "true");
    Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", config);
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("SET allowed_directories = [" + literal(lake.warehouse() + "/") + "]");
      statement.execute("SET enable_external_access = false");
      for (String zone : ZONES) {
        statement.execute("CREATE SCHEMA " + zone);
      }
    } catch (SQLException e) {
      duckdb.close();
      throw e;
    }
    return duckdb;
  }

  /**
   * Makes a view of each of {@code tables} ({@code zone.name}) the lake has committed rows of;
   * the others stay unknown to DuckDB, which names them when a query reads them.
   *
   * @throws RefusedQuery when a table cannot be read faithfully
   */
  public void showTables(Connection duckdb, Collection<String> tables) throws SQLException {
    try (Statement statement = duckdb.createStatement()) {
      for (String name : tables) {
        Optional<LakeTable> table = current(name);
        if (table.isPresent() && !table.get().files().isEmpty()) {
          statement.execute("CREATE VIEW " + table.get().qualifiedName() + " AS SELECT * FROM "
              + "read_parquet([" + table.get().files().stream().map(LakeDatabase::literal)
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

  /** A SQL string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
