package io.eventshop.sql.ksql;

import java.util.List;

/**
 * One statement of a script, read and translated: what the engine runs. Each knows the line and
 * column where it starts in the script and its own text, for answers and errors.
 */
public sealed interface KsqlStatement {

  /** Where the statement starts and its text as written. */
  Position position();

  /**
   * Where a statement starts in its script.
   *
   * @param line   line from 1
   * @param column column from 1
   * @param text   the statement as written (tokens joined), for answers and the catalogue
   */
  record Position(int line, int column, String text) {
  }

  /** STREAM (every record a fact) or TABLE (the latest value per key, an upsert table). */
  enum SourceKind { STREAM, TABLE }

  /**
   * A column declared in a {@code CREATE STREAM|TABLE}.
   *
   * @param name      as written
   * @param flinkType its Flink SQL type
   * @param key       whether it is the record key ({@code KEY} or {@code PRIMARY KEY})
   */
  record Column(String name, String flinkType, boolean key) {
  }

  /**
   * {@code CREATE STREAM|TABLE name [(columns)] WITH (kafka_topic=…, value_format=…)}.
   *
   * @param columns         as declared; empty: the registry's latest value schema gives them
   * @param timestampColumn the column that is the event time ({@code timestamp=…}); null: the
   *                        record's timestamp
   */
  record CreateSource(Position position, SourceKind kind, String name, List<Column> columns,
                      String topic, String valueFormat, String timestampColumn,
                      boolean ifNotExists) implements KsqlStatement {
  }

  /**
   * {@code CREATE STREAM|TABLE name [WITH (…)] AS SELECT …}: a persistent query writing a topic
   * the statement creates.
   *
   * @param topic       {@code kafka_topic}, default the name
   * @param valueFormat {@code value_format}, default AVRO
   * @param partitions  {@code partitions}, default 1
   */
  record CreateAsSelect(Position position, SourceKind kind, String name, String topic,
                        String valueFormat, int partitions, Query query)
      implements KsqlStatement {
  }

  /** {@code INSERT INTO target SELECT …}: a persistent query into an existing stream. */
  record InsertInto(Position position, String target, Query query) implements KsqlStatement {
  }

  /** {@code SELECT … EMIT CHANGES [LIMIT n]}: a push query, rows streamed to the caller. */
  record PushQuery(Position position, Query query) implements KsqlStatement {
  }

  /** What {@code SHOW} lists. */
  enum Listing { STREAMS, TABLES, QUERIES, TOPICS, PROPERTIES }

  /** {@code SHOW STREAMS|TABLES|QUERIES|TOPICS|PROPERTIES} (and {@code LIST …}). */
  record Show(Position position, Listing what) implements KsqlStatement {
  }

  /** {@code DESCRIBE name}. */
  record Describe(Position position, String name) implements KsqlStatement {
  }

  /** {@code DROP STREAM|TABLE [IF EXISTS] name [DELETE TOPIC]}. */
  record Drop(Position position, SourceKind kind, String name, boolean ifExists,
              boolean deleteTopic) implements KsqlStatement {
  }

  /** {@code TERMINATE queryId}. */
  record Terminate(Position position, String queryId) implements KsqlStatement {
  }

  /** {@code SET 'key'='value'}: a property of the session (e.g. {@code auto.offset.reset}). */
  record SetProperty(Position position, String key, String value) implements KsqlStatement {
  }

  /** {@code UNSET 'key'}. */
  record UnsetProperty(Position position, String key) implements KsqlStatement {
  }

  /** {@code PRINT 'topic' [FROM BEGINNING] [LIMIT n]}. */
  record Print(Position position, String topic, boolean fromBeginning, Integer limit)
      implements KsqlStatement {
  }

  /** A statement that is not KSQL, handed to Flink as written. */
  record FlinkSql(Position position, String sql) implements KsqlStatement {
  }
}
