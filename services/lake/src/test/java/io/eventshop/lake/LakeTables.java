package io.eventshop.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.AppendFiles;
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
 * A lake as the sink writes it, for the tests: a Hadoop catalog, a {@code raw.orders} table
 * partitioned by the day of {@code _kafka_timestamp}, Parquet files written and committed with
 * Iceberg's own writer, one commit per call.
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

  private final HadoopCatalog catalog = new HadoopCatalog();

  LakeTables(Path warehouse) {
    catalog.setConf(new Configuration());
    catalog.initialize("test", Map.of("warehouse", warehouse.toString()));
  }

  /** Appends {@code rows} to raw.orders in one commit, one file per day. */
  void append(List<OrderRow> rows) {
    Table table = catalog.tableExists(ORDERS) ? catalog.loadTable(ORDERS)
        : catalog.createTable(ORDERS, ORDER_SCHEMA,
            PartitionSpec.builderFor(ORDER_SCHEMA).day("_kafka_timestamp").build());
    GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET).build();
    AppendFiles append = table.newAppend();
    rows.stream().collect(java.util.stream.Collectors.groupingBy(row -> row.at().toLocalDate()))
        .values().forEach(day -> append.appendFile(writeFile(table, writers, day)));
    append.commit();
  }

  private static org.apache.iceberg.DataFile writeFile(Table table,
                                                       GenericFileWriterFactory writers,
                                                       List<OrderRow> rows) {
    List<Record> records = rows.stream().map(LakeTables::record).toList();
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
}
