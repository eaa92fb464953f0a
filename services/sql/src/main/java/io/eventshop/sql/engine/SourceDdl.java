package io.eventshop.sql.engine;

import io.eventshop.sql.ksql.KsqlStatement.Column;
import io.eventshop.sql.ksql.KsqlStatement.SourceKind;
import io.eventshop.sql.format.EventshopAvroFormatFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Flink DDL of a KSQL stream or table over a topic. Every source has the record key as
 * {@code ROWKEY} (or the column declared {@code KEY}), the record's timestamp (or the
 * {@code timestamp=} column) as its event time {@code ROWTIME} with a watermark, and its value's
 * columns. A STREAM is Flink's {@code kafka} connector, a TABLE {@code upsert-kafka} with the key
 * as its primary key.
 *
 * @param bootstrapServers the cluster's bootstrap servers
 * @param registryUrl      the schema registry's URL (for a JVM without our client)
 * @param watermarkDelay   how late an event may come and still count in its window
 * @param kafkaProperties  further Kafka client settings (security), as {@code properties.*}
 */
public record SourceDdl(String bootstrapServers, String registryUrl, Duration watermarkDelay,
                        Map<String, String> kafkaProperties) {

  public static final String KEY = "ROWKEY";
  public static final String TIME = "ROWTIME";

  /** {@code CREATE TABLE} of source {@code table} reading {@code topic}. */
  public String create(String table, SourceKind kind, String topic, String format,
                       List<Column> columns, String timestampColumn, boolean fromEarliest) {
    List<String> lines = new ArrayList<>();
    String key = columns.stream().filter(Column::key).map(Column::name).findFirst().orElse(KEY);
    if (columns.stream().noneMatch(Column::key)) {
      lines.add(q(KEY) + " STRING" + (kind == SourceKind.TABLE ? " NOT NULL" : ""));
    }
    String timestampType = null;
    for (Column column : columns) {
      lines.add(q(column.name()) + " " + column.flinkType());
      if (column.name().equals(timestampColumn)) {
        timestampType = column.flinkType();
      }
    }
    if (timestampColumn == null) {
      lines.add(q(TIME) + " TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL");
    } else if (timestampType == null) {
      throw new IllegalArgumentException("timestamp '" + timestampColumn
          + "' is not a column: " + columns.stream().map(Column::name).toList());
    } else {
      String expression = timestampType.startsWith("BIGINT")
          ? "TO_TIMESTAMP_LTZ(" + q(timestampColumn) + ", 3)"
          : "CAST(" + q(timestampColumn) + " AS TIMESTAMP_LTZ(3))";
      lines.add(q(TIME) + " AS " + expression);
    }
    lines.add("WATERMARK FOR " + q(TIME) + " AS " + q(TIME) + " - INTERVAL '"
        + seconds(watermarkDelay) + "' SECOND");
    Map<String, String> options = new LinkedHashMap<>();
    if (kind == SourceKind.TABLE) {
      lines.add("PRIMARY KEY (" + q(key) + ") NOT ENFORCED");
      options.put("connector", "upsert-kafka");
    } else {
      options.put("connector", "kafka");
      options.put("key.fields", key);
      options.put("scan.startup.mode", fromEarliest ? "earliest-offset" : "latest-offset");
    }
    options.put("topic", topic);
    options.put("key.format", "raw");
    options.put("value.fields-include", "EXCEPT_KEY");
    value(options, format, topic);
    if (!format.equals("JSON")) {
      options.put("value." + EventshopAvroFormatFactory.IDENTIFIER + ".dead-letters", "true");
    }
    connection(options);
    options.put("properties.isolation.level", "read_committed");
    return "CREATE TABLE " + q(table) + " (\n  " + String.join(",\n  ", lines) + "\n) WITH (\n"
        + render(options) + "\n)";
  }

  /**
   * {@code CREATE TABLE} of the sink of a persistent query: its result's columns, keyed by
   * {@code keyColumns} (none: no key); {@code upsert} for a result updated in place.
   */
  public String sink(String table, String topic, String format, List<Column> columns,
                     List<String> keyColumns, boolean upsert) {
    List<String> lines = new ArrayList<>();
    boolean hasTime = false;
    for (Column column : columns) {
      if (column.name().equals(TIME)) {
        lines.add(q(TIME) + " TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'");
        hasTime = true;
      } else {
        lines.add(q(column.name()) + " " + column.flinkType());
      }
    }
    if (!hasTime) {
      lines.add(q(TIME) + " TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL");
    }
    lines.add("WATERMARK FOR " + q(TIME) + " AS " + q(TIME) + " - INTERVAL '"
        + seconds(watermarkDelay) + "' SECOND");
    Map<String, String> options = new LinkedHashMap<>();
    String keyFormat = keyColumns.size() == 1 && columns.stream().anyMatch(c ->
        c.name().equals(keyColumns.get(0)) && c.flinkType().startsWith("STRING")) ? "raw" : "json";
    if (upsert) {
      lines.add("PRIMARY KEY (" + keyColumns.stream().map(SourceDdl::q)
          .collect(Collectors.joining(", ")) + ") NOT ENFORCED");
      options.put("connector", "upsert-kafka");
      options.put("key.format", keyFormat);
      options.put("value.fields-include", "ALL");
    } else {
      options.put("connector", "kafka");
      options.put("scan.startup.mode", "earliest-offset");
      if (!keyColumns.isEmpty()) {
        options.put("key.format", keyFormat);
        options.put("key.fields", String.join(";", keyColumns));
        options.put("value.fields-include", "ALL");
      }
      options.put("sink.delivery-guarantee", "exactly-once");
    }
    options.put("topic", topic);
    value(options, format, topic);
    connection(options);
    options.put("properties.isolation.level", "read_committed");
    // Below the broker's transaction.max.timeout.ms (15 min by default); Flink asks for 1 h.
    options.put("properties.transaction.timeout.ms", "600000");
    return "CREATE TABLE " + q(table) + " (\n  " + String.join(",\n  ", lines) + "\n) WITH (\n"
        + render(options) + "\n)";
  }

  private void value(Map<String, String> options, String format, String topic) {
    if (format.equals("JSON")) {
      options.put("value.format", "json");
      options.put("value.json.ignore-parse-errors", "true");
    } else {
      String prefix = "value." + EventshopAvroFormatFactory.IDENTIFIER + ".";
      options.put("value.format", EventshopAvroFormatFactory.IDENTIFIER);
      options.put(prefix + "url", registryUrl);
      options.put(prefix + "subject", topic + "-value");
    }
  }

  private void connection(Map<String, String> options) {
    options.put("properties.bootstrap.servers", bootstrapServers);
    kafkaProperties.forEach((k, v) -> options.put("properties." + k, v));
  }

  private static String render(Map<String, String> options) {
    return options.entrySet().stream().map(e -> "  '" + e.getKey() + "' = '"
        + e.getValue().replace("'", "''") + "'").collect(Collectors.joining(",\n"));
  }

  private static String seconds(Duration delay) {
    return delay.toMillis() % 1000 == 0 ? String.valueOf(delay.toSeconds())
        : String.format(java.util.Locale.ROOT, "%.3f", delay.toMillis() / 1000.0);
  }

  static String q(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
