package io.eventshop.sql.ksql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.sql.ksql.KsqlStatement.Column;
import io.eventshop.sql.ksql.KsqlStatement.CreateAsSelect;
import io.eventshop.sql.ksql.KsqlStatement.CreateSource;
import io.eventshop.sql.ksql.KsqlStatement.Describe;
import io.eventshop.sql.ksql.KsqlStatement.Drop;
import io.eventshop.sql.ksql.KsqlStatement.FlinkSql;
import io.eventshop.sql.ksql.KsqlStatement.InsertInto;
import io.eventshop.sql.ksql.KsqlStatement.Listing;
import io.eventshop.sql.ksql.KsqlStatement.Print;
import io.eventshop.sql.ksql.KsqlStatement.PushQuery;
import io.eventshop.sql.ksql.KsqlStatement.SetProperty;
import io.eventshop.sql.ksql.KsqlStatement.Show;
import io.eventshop.sql.ksql.KsqlStatement.SourceKind;
import io.eventshop.sql.ksql.KsqlStatement.Terminate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KsqlTranslatorTest {

  private final KsqlTranslator translator = new KsqlTranslator();

  @Test
  void createStreamWithoutColumnsTakesThemFromTheRegistryLater() {
    var statement = (CreateSource) translator.translateOne(
        "CREATE STREAM customer_s WITH (kafka_topic='customers', value_format='AVRO');");

    assertThat(statement.kind()).isEqualTo(SourceKind.STREAM);
    assertThat(statement.name()).isEqualTo("customer_s");
    assertThat(statement.topic()).isEqualTo("customers");
    assertThat(statement.valueFormat()).isEqualTo("AVRO");
    assertThat(statement.columns()).isEmpty();
    assertThat(statement.position().line()).isEqualTo(1);
  }

  @Test
  void createTableWithColumnsKeyAndTimestamp() {
    var statement = (CreateSource) translator.translateOne("""
        CREATE TABLE readings (id STRING PRIMARY KEY, temp DOUBLE, at BIGINT,
          tags ARRAY<STRING>, place STRUCT<zone STRING, shelf INT>, price DECIMAL(10, 2))
          WITH (kafka_topic='r', value_format='json', timestamp='at');""");

    assertThat(statement.kind()).isEqualTo(SourceKind.TABLE);
    assertThat(statement.columns()).containsExactly(new Column("id", "STRING", true),
        new Column("temp", "DOUBLE", false), new Column("at", "BIGINT", false),
        new Column("tags", "ARRAY<STRING>", false),
        new Column("place", "ROW<`zone` STRING, `shelf` INT>", false),
        new Column("price", "DECIMAL(10, 2)", false));
    assertThat(statement.valueFormat()).isEqualTo("JSON");
    assertThat(statement.timestampColumn()).isEqualTo("at");
  }

  @Test
  void pushQueryWithNestedFieldAndLimit() {
    var statement = (PushQuery) translator.translateOne(
        "SELECT * FROM customer_s WHERE address->country = 'CH' EMIT CHANGES LIMIT 3;");

    assertThat(statement.query().flinkSql()).isEqualTo(
        "SELECT * FROM `customer_s` AS customer_s WHERE address.country = 'CH'");
    assertThat(statement.query().limit()).isEqualTo(3);
    assertThat(statement.query().sources()).containsExactly("customer_s");
  }

  @Test
  void aSourceIsReadUnderTheNameTheEngineGives() {
    var twin = new KsqlTranslator(name -> name + "__earliest");
    var statement = (PushQuery) twin.translateOne("SELECT id FROM orders o EMIT CHANGES;");

    assertThat(statement.query().flinkSql()).isEqualTo(
        "SELECT id FROM `orders__earliest` AS o");
  }

  @Test
  void tumblingWindowBecomesTheWindowTableFunction() {
    var statement = (PushQuery) translator.translateOne("""
        SELECT customerId, COUNT(*) AS orders, WINDOWSTART AS windowStart FROM orders_s
        WINDOW TUMBLING (SIZE 30 SECONDS) GROUP BY customerId HAVING COUNT(*) > 2
        EMIT CHANGES;""");

    assertThat(statement.query().flinkSql()).isEqualTo("SELECT customerId, COUNT(*) AS orders, "
        + "window_start AS windowStart FROM TABLE(TUMBLE(TABLE `orders_s`, DESCRIPTOR(ROWTIME), "
        + "INTERVAL '30' SECOND)) AS orders_s GROUP BY customerId, window_start, window_end "
        + "HAVING COUNT(*) > 2");
    assertThat(statement.query().windowed()).isTrue();
    assertThat(statement.query().updating()).isFalse();
  }

  @Test
  void whereMayComeBeforeTheWindow() {
    var statement = (PushQuery) translator.translateOne("SELECT k, COUNT(*) FROM s WHERE x > 1 "
        + "WINDOW HOPPING (SIZE 1 MINUTE, ADVANCE BY 10 SECONDS) GROUP BY k EMIT CHANGES;");

    assertThat(statement.query().flinkSql()).isEqualTo("SELECT k, COUNT(*) FROM TABLE(HOP(TABLE "
        + "`s`, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND, INTERVAL '1' MINUTE)) AS s "
        + "WHERE x > 1 GROUP BY k, window_start, window_end");
  }

  @Test
  void sessionWindow() {
    var statement = (PushQuery) translator.translateOne("SELECT visitor, COUNT(*), WINDOWEND "
        + "FROM clicks WINDOW SESSION (5 MINUTES) GROUP BY visitor EMIT CHANGES;");

    assertThat(statement.query().flinkSql()).isEqualTo("SELECT visitor, COUNT(*), window_end "
        + "FROM TABLE(SESSION(TABLE `clicks`, DESCRIPTOR(ROWTIME), INTERVAL '5' MINUTE)) AS "
        + "clicks GROUP BY visitor, window_start, window_end");
  }

  @Test
  void aggregateWithoutWindowIsAnUpdatingTable() {
    var statement = (PushQuery) translator.translateOne(
        "SELECT country, COUNT(*) FROM c GROUP BY country EMIT CHANGES;");

    assertThat(statement.query().updating()).isTrue();
    assertThat(statement.query().groupBy()).containsExactly("country");
  }

  @Test
  void streamTableJoinIsARegularJoinAndStreamStreamJoinWithinAnIntervalJoin() {
    var table = (PushQuery) translator.translateOne("SELECT o.orderId, c.name FROM orders_s o "
        + "JOIN customers_t c ON o.customerId = c.ROWKEY EMIT CHANGES;");
    var within = (PushQuery) translator.translateOne("SELECT a.id FROM a JOIN b WITHIN 1 HOUR "
        + "ON a.id = b.id EMIT CHANGES;");

    assertThat(table.query().flinkSql()).isEqualTo("SELECT o.orderId, c.name FROM `orders_s` AS"
        + " o JOIN `customers_t` AS c ON o.customerId = c.ROWKEY");
    assertThat(table.query().sources()).containsExactly("orders_s", "customers_t");
    assertThat(within.query().flinkSql()).isEqualTo("SELECT a.id FROM `a` AS a JOIN `b` AS b ON"
        + " (a.id = b.id) AND b.ROWTIME BETWEEN a.ROWTIME - INTERVAL '1' HOUR AND a.ROWTIME + "
        + "INTERVAL '1' HOUR");
  }

  @Test
  void createAsSelectAndInsertInto() {
    var ctas = (CreateAsSelect) translator.translateOne("CREATE TABLE suspicious WITH "
        + "(kafka_topic='suspicious-customers', partitions=2) AS SELECT customerId, COUNT(*) AS n"
        + " FROM orders_s WINDOW TUMBLING (SIZE 30 SECONDS) GROUP BY customerId "
        + "HAVING COUNT(*) > 2 EMIT CHANGES;");
    var csas = (CreateAsSelect) translator.translateOne(
        "CREATE STREAM ch AS SELECT * FROM customer_s WHERE address->country = 'CH';");
    var insert = (InsertInto) translator.translateOne(
        "INSERT INTO ch SELECT * FROM customer_s WHERE address->country = 'LI' EMIT CHANGES;");

    assertThat(ctas.kind()).isEqualTo(SourceKind.TABLE);
    assertThat(ctas.topic()).isEqualTo("suspicious-customers");
    assertThat(ctas.partitions()).isEqualTo(2);
    assertThat(ctas.valueFormat()).isEqualTo("AVRO");
    assertThat(ctas.query().windowed()).isTrue();
    assertThat(csas.topic()).isEqualTo("ch");
    assertThat(csas.query().flinkSql()).endsWith("WHERE address.country = 'CH'");
    assertThat(insert.target()).isEqualTo("ch");
  }

  @Test
  void showDescribeDropTerminateSetPrint() {
    List<KsqlStatement> statements = translator.translate("""
        SHOW STREAMS; LIST TABLES; SHOW QUERIES; SHOW TOPICS; SHOW PROPERTIES;
        DESCRIBE customer_s; DROP STREAM IF EXISTS ch DELETE TOPIC; DROP TABLE t;
        TERMINATE q_3; SET 'auto.offset.reset'='earliest';
        PRINT 'orders' FROM BEGINNING LIMIT 2;""");

    assertThat(statements).hasSize(11);
    assertThat(((Show) statements.get(0)).what()).isEqualTo(Listing.STREAMS);
    assertThat(((Show) statements.get(1)).what()).isEqualTo(Listing.TABLES);
    assertThat(((Show) statements.get(2)).what()).isEqualTo(Listing.QUERIES);
    assertThat(((Show) statements.get(3)).what()).isEqualTo(Listing.TOPICS);
    assertThat(((Describe) statements.get(5)).name()).isEqualTo("customer_s");
    assertThat((Drop) statements.get(6)).isEqualTo(new Drop(statements.get(6).position(),
        SourceKind.STREAM, "ch", true, true));
    assertThat(((Drop) statements.get(7)).kind()).isEqualTo(SourceKind.TABLE);
    assertThat(((Terminate) statements.get(8)).queryId()).isEqualTo("q_3");
    assertThat((SetProperty) statements.get(9)).extracting(SetProperty::key, SetProperty::value)
        .containsExactly("auto.offset.reset", "earliest");
    assertThat((Print) statements.get(10)).extracting(Print::topic, Print::fromBeginning,
        Print::limit).containsExactly("orders", true, 2);
    assertThat(statements.get(10).position().line()).isEqualTo(4);
  }

  @Test
  void plainFlinkSqlPassesThrough() {
    var create = (FlinkSql) translator.translateOne("CREATE TABLE t (x INT) WITH "
        + "('connector' = 'datagen');");
    var show = (FlinkSql) translator.translateOne("SHOW JOBS;");

    assertThat(create.sql()).isEqualTo("CREATE TABLE t(x INT) WITH('connector' = 'datagen')");
    assertThat(show.sql()).isEqualTo("SHOW JOBS");
  }

  @Test
  void statementsKeepTheirLinesAcrossCommentsAndStrings() {
    List<KsqlStatement> statements = translator.translate("""
        -- the talk's example
        CREATE STREAM s WITH (kafka_topic='a;b', value_format='AVRO');
        /* a
           block */ SELECT * FROM s
          EMIT CHANGES;""");

    assertThat(statements).hasSize(2);
    assertThat(((CreateSource) statements.get(0)).topic()).isEqualTo("a;b");
    assertThat(statements.get(1).position()).extracting(KsqlStatement.Position::line,
        KsqlStatement.Position::column).containsExactly(4, 13);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
      CREATE STREAM s WITH (value_format='AVRO'); => line 1:17: CREATE STREAM s needs WITH (kafka_topic='…', value_format='AVRO'|'JSON')
      CREATE STREAM s WITH (kafka_topic='t'); => line 1:17: CREATE STREAM s needs value_format='AVRO' or 'JSON' in its WITH
      CREATE STREAM s WITH (kafka_topic='t', value_format='XML'); => line 1:53: expected value_format 'AVRO' or 'JSON' but found 'XML'
      CREATE STREAM s WITH (kafka_topik='t', value_format='AVRO'); => line 1:23: unknown property 'kafka_topik': expected kafka_topic, value_format, key_format, timestamp, partitions or replicas
      CREATE STREAM s WITH (kafka_topic='t', value_format='JSON'); => line 1:17: a JSON stream needs its columns declared: only AVRO takes them from the registry
      CREATE STREAM s (a STRANGE) WITH (kafka_topic='t', value_format='JSON'); => line 1:20: expected a type (STRING, INT, BIGINT, DOUBLE, BOOLEAN, DECIMAL, TIMESTAMP, DATE, ARRAY<…>, MAP<…>, STRUCT<…>) but found 'STRANGE'
      CREATE STREAM s (a INT WITH (kafka_topic='t', value_format='JSON'); => line 1:24: expected ')' but found 'WITH'
      CREATE STREAM s WITH (kafka_topic='t', value_format='AVRO', key_format='JSON'); => line 1:72: key_format 'JSON' is not supported: the shop's keys are strings, 'KAFKA'
      CREATE OR REPLACE STREAM s WITH (kafka_topic='t', value_format='AVRO'); => line 1:1: CREATE OR REPLACE is not supported: DROP it first, then CREATE
      CREATE SOURCE CONNECTOR c WITH ('x'='y'); => line 1:8: CREATE SOURCE is not supported here: CREATE STREAM or CREATE TABLE
      SELECT * WHERE x = 1 EMIT CHANGES; => line 1:34: expected FROM but found the end of the statement
      SELECT * FROM s EMIT FINAL; => line 1:22: EMIT FINAL is not supported: write EMIT CHANGES (Flink emits a window's row once, when it closes)
      SELECT * FROM s EMIT NOW; => line 1:22: expected CHANGES but found 'NOW'
      SELECT * FROM s EMIT CHANGES LIMIT x; => line 1:36: expected the number of rows but found 'x'
      SELECT k FROM s WINDOW TUMBLING (SIZE 30 SECONDS) EMIT CHANGES; => line 1:1: a WINDOW needs a GROUP BY: windows aggregate
      SELECT k FROM s WINDOW ROLLING (SIZE 1 SECOND) GROUP BY k EMIT CHANGES; => line 1:24: expected TUMBLING, HOPPING or SESSION but found 'ROLLING'
      SELECT k FROM s WINDOW TUMBLING (SIZE 30 WEEKS) GROUP BY k EMIT CHANGES; => line 1:42: expected a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS) but found 'WEEKS'
      SELECT k FROM s WINDOW TUMBLING (SIZE 30 SECONDS, GRACE PERIOD 1 MINUTE) GROUP BY k EMIT CHANGES; => line 1:51: GRACE PERIOD is not supported: how late an event may come is the source's watermark delay
      SELECT k FROM a JOIN b ON a.k = b.k WINDOW TUMBLING (SIZE 1 SECOND) GROUP BY k EMIT CHANGES; => line 1:37: a WINDOW over a join is not supported: aggregate a stream of the join instead
      SELECT k FROM s PARTITION BY k EMIT CHANGES; => line 1:17: PARTITION BY is not supported: the output of a query is keyed by its GROUP BY
      SELECT k FROM s x y EMIT CHANGES; => line 1:19: expected JOIN, WHERE, WINDOW, GROUP BY, EMIT CHANGES or the end of the statement but found 'y'
      LIST ME; => line 1:6: expected STREAMS, TABLES, QUERIES, TOPICS or PROPERTIES but found 'ME'
      DESCRIBE; => line 1:9: expected the name of a stream or table but found the end of the statement
      DROP STREAM s PLEASE; => line 1:15: expected ';' but found 'PLEASE'
      TERMINATE ALL; => line 1:11: TERMINATE ALL is not supported: terminate the queries one by one
      SET auto.offset.reset = 'earliest'; => line 1:5: expected a quoted property name such as 'auto.offset.reset' but found 'auto'
      INSERT INTO s VALUES (1); => line 1:15: expected SELECT (INSERT INTO … VALUES is not supported) but found 'VALUES'
      CREATE STREAM s (a INT) WITH (kafka_topic='t', value_format='JSON') AS SELECT * FROM x; => line 1:25: a CREATE … AS SELECT takes its columns from the query: leave the column list out
      SELECT * FROM s WHERE name = 'unclosed; => line 1:30: a string opened here is never closed
      SELECT * FROM s EMIT CHANGES => line 1:29: expected ';' at the end of the statement but found the end of the script
      SELECT a # b FROM s; => line 1:10: unexpected character '#'
      """)
  void errorsNameTheLineTheColumnWhatWasFoundAndWhatWasExpected(String statement,
                                                                 String message) {
    assertThatThrownBy(() -> translator.translate(statement))
        .isInstanceOf(KsqlException.class).hasMessage(message);
  }

  @Test
  void anErrorOnALaterLineNamesThatLine() {
    assertThatThrownBy(() -> translator.translate("SHOW STREAMS;\n\nSELECT * FROM s EMIT LATER;"))
        .isInstanceOf(KsqlException.class)
        .hasMessage("line 3:22: expected CHANGES but found 'LATER'")
        .extracting(e -> ((KsqlException) e).line()).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"customers-in-switzerland.sql",
      "fraud.sql", "enriched-orders.sql"})
  void theExamplesTranslate(String file) throws Exception {
    String script = java.nio.file.Files.readString(java.nio.file.Path.of("examples", file));

    assertThat(translator.translate(script)).isNotEmpty()
        .noneMatch(statement -> statement instanceof FlinkSql);
  }
}
