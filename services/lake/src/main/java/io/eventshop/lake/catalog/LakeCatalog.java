package io.eventshop.lake.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;

/**
 * The lake's Iceberg tables as the sink commits them (a Hadoop catalog: the warehouse directory
 * is the catalog), planned with Iceberg's own API: what a table holds is the data files of its
 * current snapshot, never the files that happen to lie in its directory (a file written before a
 * crash and never committed is in the directory, not in the table).
 */
public final class LakeCatalog {

  private final Path warehouse;
  private final HadoopCatalog catalog;

  public LakeCatalog(Path warehouse) {
    this.warehouse = warehouse.toAbsolutePath().normalize();
    this.catalog = new HadoopCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("lake", Map.of("warehouse", this.warehouse.toString()));
  }

  /** The directory every file of the lake is in. */
  public Path warehouse() {
    return warehouse;
  }

  /** Every table of the lake, by zone and name. */
  public List<TableIdentifier> tables() {
    if (!warehouse.toFile().isDirectory()) {
      return List.of();
    }
    List<TableIdentifier> tables = new ArrayList<>();
    for (Namespace zone : catalog.listNamespaces()) {
      tables.addAll(catalog.listTables(zone));
    }
    return tables;
  }

  /**
   * The files of {@code zone.name}'s current snapshot; empty when the lake has no such table.
   *
   * @throws UnsupportedTable when the snapshot has row-level deletes, which a plain read of its
   *                          files would not apply (the sink only appends)
   */
  public Optional<LakeTable> current(String zone, String name) {
    TableIdentifier id = TableIdentifier.of(zone, name);
    if (!warehouse.toFile().isDirectory() || !catalog.tableExists(id)) {
      return Optional.empty();
    }
    Table table = catalog.loadTable(id);
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        if (!task.deletes().isEmpty()) {
          throw new UnsupportedTable(id + " has row-level deletes, which this engine does not"
              + " apply");
        }
        files.add(localPath(task.file().location()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan the files of " + id, e);
    }
    return Optional.of(new LakeTable(zone, name, files));
  }

  /**
   * The table {@code zone.name}, made with {@code schema} if the lake has none yet, or given the
   * columns of {@code schema} it lacks. Its files are read by column name (a name mapping):
   * files written by DuckDB carry no Iceberg field ids.
   */
  public Table tableWith(String zone, String name, Schema schema) {
    TableIdentifier id = TableIdentifier.of(zone, name);
    if (!catalog.tableExists(id)) {
      return catalog.createTable(id, schema, PartitionSpec.unpartitioned(), Map.of(
          TableProperties.DEFAULT_NAME_MAPPING,
          NameMappingParser.toJson(MappingUtil.create(schema))));
    }
    Table table = catalog.loadTable(id);
    if (!table.schema().sameSchema(schema)) {
      table.updateSchema().unionByNameWith(schema).commit();
      table.updateProperties().set(TableProperties.DEFAULT_NAME_MAPPING,
          NameMappingParser.toJson(MappingUtil.create(table.schema()))).commit();
    }
    return table;
  }

  private static String localPath(String location) {
    return location.startsWith("file:") ? Path.of(URI.create(location)).toString() : location;
  }
}
