package io.eventshop.launcher.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementScriptTest {

  @Test
  void splitsAFileIntoStatementsWithTheLineEachStartsOn() {
    List<Statement> statements = StatementScript.of("""
        -- the talk's example; not a statement
        CREATE STREAM customer_s WITH (kafka_topic='customers', value_format='AVRO');

        /* a comment; also not one */
        SELECT * FROM customer_s
          WHERE address->country = 'C;H'
          EMIT CHANGES LIMIT 3;
        SHOW STREAMS""").all();

    assertThat(statements).extracting(Statement::line).containsExactly(2, 5, 8);
    assertThat(statements.get(0).text()).isEqualTo(
        "CREATE STREAM customer_s WITH (kafka_topic='customers', value_format='AVRO')");
    assertThat(statements.get(1).text()).contains("'C;H'").endsWith("LIMIT 3");
    assertThat(statements.get(1).streams()).isTrue();
    assertThat(statements.get(2).streams()).isFalse();
  }

  @Test
  void keepsWhatFollowsTheLastSemicolonApartAsTheUnendedStatement() {
    StatementScript script = StatementScript.of("SHOW STREAMS; SELECT *\n  FROM orders_s");

    assertThat(script.ended()).extracting(Statement::text).containsExactly("SHOW STREAMS");
    assertThat(script.unended()).map(Statement::text).hasValue("SELECT *\n  FROM orders_s");
  }

  @Test
  void thePromptWaitsForMoreLinesUntilTheStatementIsEndedOutsideQuotes() {
    assertThat(StatementParser.awaitsMore("SELECT * FROM orders_s")).isTrue();
    assertThat(StatementParser.awaitsMore("SELECT * FROM s WHERE a = ';")).isTrue();
    assertThat(StatementParser.awaitsMore("SELECT * FROM s WHERE a = ';';")).isFalse();
    assertThat(StatementParser.awaitsMore("SHOW STREAMS; -- and a comment")).isFalse();
    assertThat(StatementParser.awaitsMore("")).isFalse();
    assertThat(StatementParser.awaitsMore("exit")).isFalse();
  }
}
