package io.eventshop.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.Types;

/**
 * A lake as the sink writes it, for the tests: a Hadoop catalog, raw tables partitioned by the
 * day of {@code _kafka_timestamp}, Parquet files written and committed with Iceberg's own writer,
 * one commit per call.
 */
final class LakeTables {

  static final TableIdentifier ORDERS = TableIdentifier.of("raw", "orders");
  static final Schema ORDER_SCHEMA = new Schema(
      Types.NestedField.required(1, "order_id", Types.StringType.get()),
      Types.NestedField.optional(2, "country", Types.StringType.get()),
      Types.NestedField.optional(3, "total", Types.DecimalType.of(12, 2)),
      Types.NestedField.optional(4, "_kafka_timestamp", Types.TimestampType.withZone()));

  /** One order as a row of raw.orders. */
  record OrderRow(String orderId, String country, BigDecimal total, OffsetDateTime at) {
  }

  static final TableIdentifier ORDERS_ENRICHED = TableIdentifier.of("raw", "orders_enriched");
  private static final Types.StructType LINE = Types.StructType.of(
      Types.NestedField.required(10, "sku", Types.StringType.get()),
      Types.NestedField.required(11, "quantity", Types.IntegerType.get()),
      Types.NestedField.required(12, "unitPrice", Types.DecimalType.of(38, 2)),
      Types.NestedField.optional(13, "category", Types.StringType.get()));
  /** The columns of raw.orders_enriched the refinements read, as the sink maps them. */
  static final Schema ENRICHED_SCHEMA = new Schema(
      Types.NestedField.required(1, "orderId", Types.StringType.get()),
      Types.NestedField.required(2, "customerId", Types.StringType.get()),
      Types.NestedField.optional(3, "customerName", Types.StringType.get()),
      Types.NestedField.optional(4, "country", Types.StringType.get()),
      Types.NestedField.required(5, "total", Types.DecimalType.of(38, 2)),
      Types.NestedField.required(6, "placedAt", Types.TimestampType.withZone()),
      Types.NestedField.required(7, "state", Types.StringType.get()),
      Types.NestedField.optional(8, "lines", Types.ListType.ofRequired(9, LINE)),
      Types.NestedField.optional(14, "_kafka_timestamp", Types.TimestampType.withZone()));

  /** One event of an enriched order, with its lines as (sku, quantity, unit price, category). */
  record EnrichedRow(String orderId, String customerId, String country, String state,
                     OffsetDateTime placedAt, List<Line> lines) {

    BigDecimal total() {
      return lines.stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** A line of an enriched order. */
  record Line(String sku, int quantity, BigDecimal unitPrice, String category) {
  }

  static final TableIdentifier STOCK_LEVELS = TableIdentifier.of("raw", "stock_levels");
  static final Schema LEVEL_SCHEMA = new Schema(
      Types.NestedField.required(1, "sku", Types.StringType.get()),
      Types.NestedField.required(2, "onHand", Types.LongType.get()),
      Types.NestedField.required(3, "reserved", Types.LongType.get()),
      Types.NestedField.optional(4, "_kafka_offset", Types.LongType.get()),
      Types.NestedField.optional(5, "_kafka_timestamp", Types.TimestampType.withZone()));

  /** One change of a product's stock level, at its offset in the sku's partition. */
  record LevelRow(String sku, long onHand, long reserved, long offset, OffsetDateTime at) {
  }

  static final TableIdentifier CLICKSTREAM = TableIdentifier.of("raw", "clickstream");
  static final Schema CLICK_SCHEMA = new Schema(
      Types.NestedField.required(1, "visitorId", Types.StringType.get()),
      Types.NestedField.required(2, "action", Types.StringType.get()),
      Types.NestedField.optional(3, "sku", Types.StringType.get()),
      Types.NestedField.required(4, "occurredAt", Types.TimestampType.withZone()),
      Types.NestedField.optional(5, "orderId", Types.StringType.get()),
      Types.NestedField.optional(6, "_kafka_timestamp", Types.TimestampType.withZone()));

  /** One action of a visitor (the action's name as the sink writes the enum: a string). */
  record ClickRow(String visitorId, String action, String sku, String orderId,
                  OffsetDateTime at) {
  }

  private final HadoopCatalog catalog = new HadoopCatalog();

  LakeTables(Path warehouse) {
    catalog.setConf(new Configuration());
    catalog.initialize("test", Map.of("warehouse", warehouse.toString()));
  }

  /** The tables of an empty lake at {@code warehouse}: what an earlier run left is deleted. */
  static LakeTables empty(Path warehouse) throws IOException {
    if (Files.exists(warehouse)) {
      try (var paths = Files.walk(warehouse)) {
        paths.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      }
    }
    return new LakeTables(warehouse);
  }

  /** Appends {@code rows} to raw.orders in one commit, one file per day. */
  void append(List<OrderRow> rows) {
    append(ORDERS, ORDER_SCHEMA, rows.stream().map(LakeTables::record).toList());
  }

  /** Appends {@code rows} to raw.orders_enriched in one commit, one file per day. */
  void appendEnriched(List<EnrichedRow> rows) {
    append(ORDERS_ENRICHED, ENRICHED_SCHEMA, rows.stream().map(LakeTables::record).toList());
  }

  /** Appends {@code rows} to raw.stock_levels in one commit, one file per day. */
  void appendLevels(List<LevelRow> rows) {
    append(STOCK_LEVELS, LEVEL_SCHEMA, rows.stream().map(row -> {
      GenericRecord record = GenericRecord.create(LEVEL_SCHEMA);
      record.setField("sku", row.sku());
      record.setField("onHand", row.onHand());
      record.setField("reserved", row.reserved());
      record.setField("_kafka_offset", row.offset());
      record.setField("_kafka_timestamp", row.at());
      return (Record) record;
    }).toList());
  }

  /** Appends {@code rows} to raw.clickstream in one commit, one file per day. */
  void appendClicks(List<ClickRow> rows) {
    append(CLICKSTREAM, CLICK_SCHEMA, rows.stream().map(row -> {
      GenericRecord record = GenericRecord.create(CLICK_SCHEMA);
      record.setField("visitorId", row.visitorId());
      record.setField("action", row.action());
      record.setField("sku", row.sku());
      record.setField("occurredAt", row.at());
      record.setField("orderId", row.orderId());
      record.setField("_kafka_timestamp", row.at());
      return (Record) record;
    }).toList());
  }

  private void append(TableIdentifier id, Schema schema, List<Record> records) {
    Table table = catalog.tableExists(id) ? catalog.loadTable(id)
        : catalog.createTable(id, schema,
            PartitionSpec.builderFor(schema).day("_kafka_timestamp").build());
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build();
    AppendFiles append = table.newAppend();
    records.stream().collect(Collectors.groupingBy(record -> ((OffsetDateTime) record
            .getField("_kafka_timestamp")).toLocalDate()))
        .values().forEach(day -> append.appendFile(writeFile(table, writers, day)));
    append.commit();
  }

  private static DataFile writeFile(Table table, GenericFileWriterFactory writers,
                                    List<Record> records) {
    PartitionKey partition = new PartitionKey(table.spec(), table.schema());
    partition.partition(new InternalRecordWrapper(table.schema().asStruct()).wrap(records.get(0)));
    String location = table.locationProvider().newDataLocation(table.spec(), partition,
        UUID.randomUUID() + ".parquet");
    DataWriter<Record> writer = writers.newDataWriter(
        EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)), table.spec(),
        partition);
    try (writer) {
      records.forEach(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toDataFile();
  }

  private static Record record(OrderRow row) {
    GenericRecord record = GenericRecord.create(ORDER_SCHEMA);
    record.setField("order_id", row.orderId());
    record.setField("country", row.country());
    record.setField("total", row.total());
    record.setField("_kafka_timestamp", row.at());
    return record;
  }

  private static Record record(EnrichedRow row) {
    GenericRecord record = GenericRecord.create(ENRICHED_SCHEMA);
    record.setField("orderId", row.orderId());
    record.setField("customerId", row.customerId());
    record.setField("customerName", "Customer " + row.customerId());
    record.setField("country", row.country());
    record.setField("total", row.total());
    record.setField("placedAt", row.placedAt());
    record.setField("state", row.state());
    record.setField("lines", row.lines().stream().map(line -> {
      GenericRecord struct = GenericRecord.create(LINE);
      struct.setField("sku", line.sku());
      struct.setField("quantity", line.quantity());
      struct.setField("unitPrice", line.unitPrice());
      struct.setField("category", line.category());
      return (Record) struct;
    }).toList());
    record.setField("_kafka_timestamp", row.placedAt());
    return record;
  }
}
