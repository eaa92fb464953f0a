package io.eventshop.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.cli.SqlCommand.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCommandTest {

  @Test
  void splitsAFileIntoStatementsWithTheLineEachStartsOn() {
    List<Statement> statements = SqlCommand.split("""
        -- the talk's example; not a statement
        CREATE STREAM customer_s WITH (kafka_topic='customers', value_format='AVRO');

        /* a comment; also not one */
        SELECT * FROM customer_s
          WHERE address->country = 'C;H'
          EMIT CHANGES LIMIT 3;
        SHOW STREAMS""");

    assertThat(statements).extracting(Statement::line).containsExactly(2, 5, 8);
    assertThat(statements.get(0).text()).isEqualTo(
        "CREATE STREAM customer_s WITH (kafka_topic='customers', value_format='AVRO')");
    assertThat(statements.get(1).text()).contains("'C;H'").endsWith("LIMIT 3");
    assertThat(statements.get(1).streams()).isTrue();
    assertThat(statements.get(2).streams()).isFalse();
  }
}
