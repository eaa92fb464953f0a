package io.eventshop.lake.refine;

import io.eventshop.lake.query.LakeDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds refined tables from the raw zone: DuckDB runs a refinement's SELECT over the raw
 * tables' current files and writes the result as one Parquet file into the refined table's
 * directory; one Iceberg overwrite then makes that file the table's whole content, so a query
 * sees the old table or the new one, never half of it. Rebuilding again gives the same table.
 */
public final class Refiner {

  private static final Logger log = LoggerFactory.getLogger(Refiner.class);
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  private final LakeDatabase database;

  public Refiner(LakeDatabase database) {
    this.database = database;
  }

  /** Rebuilds every table of {@link Refinements#ALL}. */
  public synchronized List<RefineResult> rebuildAll() {
    List<RefineResult> results = new ArrayList<>();
    for (Refinement refinement : Refinements.ALL) {
      results.add(rebuild(refinement));
    }
    return results;
  }

  private RefineResult rebuild(Refinement refinement) {
    long start = System.nanoTime();
    String table = LakeDatabase.REFINED + "." + refinement.name();
    for (String read : refinement.reads()) {
      int dot = read.indexOf('.');
      if (database.lake().current(read.substring(0, dot), read.substring(dot + 1))
          .map(t -> t.files().isEmpty()).orElse(true)) {
        return new RefineResult(table, 0, read + " has no commit yet", elapsed(start));
      }
    }
    try (Connection duckdb = database.open()) {
      database.showTables(duckdb, refinement.reads());
      Table iceberg = database.lake().tableWith(LakeDatabase.REFINED, refinement.name(),
          schemaOf(duckdb, refinement));
      String file = iceberg.locationProvider().newDataLocation(UUID.randomUUID() + ".parquet");
      Path path = Path.of(file.startsWith("file:") ? URI.create(file).getPath() : file);
      Files.createDirectories(path.getParent());
      long rows;
      try (Statement statement = duckdb.createStatement()) {
        statement.execute("COPY (" + refinement.sql() + ") TO " + LakeDatabase.literal(
            path.toString()) + " (FORMAT parquet)");
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM read_parquet("
            + LakeDatabase.literal(path.toString()) + ")")) {
          count.next();
          rows = count.getLong(1);
        }
      }
      DataFile data = DataFiles.builder(iceberg.spec()).withPath(path.toString())
          .withFileSizeInBytes(Files.size(path)).withRecordCount(rows)
          .withFormat(FileFormat.PARQUET).build();
      iceberg.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).addFile(data)
          .commit();
      log.info("refined {}: {} rows", table, rows);
      return new RefineResult(table, rows, null, elapsed(start));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot refine " + table + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + table, e);
    }
  }

  /** The Iceberg schema of the refinement's result, from DuckDB's description of it. */
  private static Schema schemaOf(Connection duckdb, Refinement refinement) throws SQLException {
    List<Types.NestedField> fields = new ArrayList<>();
    try (Statement statement = duckdb.createStatement();
         ResultSet columns = statement.executeQuery("DESCRIBE " + refinement.sql())) {
      while (columns.next()) {
        fields.add(Types.NestedField.optional(fields.size() + 1, columns.getString("column_name"),
            icebergType(columns.getString("column_type"), refinement)));
      }
    }
    return new Schema(fields);
  }

  private static Type icebergType(String duckdbType, Refinement refinement) {
    Matcher decimal = DECIMAL.matcher(duckdbType);
    if (decimal.matches()) {
      return Types.DecimalType.of(Integer.parseInt(decimal.group(1)),
          Integer.parseInt(decimal.group(2)));
    }
    return switch (duckdbType) {
      case "VARCHAR" -> Types.StringType.get();
      case "BIGINT" -> Types.LongType.get();
      case "INTEGER" -> Types.IntegerType.get();
      case "DOUBLE" -> Types.DoubleType.get();
      case "BOOLEAN" -> Types.BooleanType.get();
      case "DATE" -> Types.DateType.get();
      case "TIMESTAMP WITH TIME ZONE" -> Types.TimestampType.withZone();
      case "TIMESTAMP" -> Types.TimestampType.withoutZone();
      default -> throw new IllegalStateException("refined." + refinement.name() + " has a column"
          + " of DuckDB type " + duckdbType + ", which has no Iceberg type here: cast it");
    };
  }

  private static long elapsed(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
