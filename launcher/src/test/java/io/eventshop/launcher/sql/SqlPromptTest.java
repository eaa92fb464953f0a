package io.eventshop.launcher.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What the shared prompt does with an entry, with a session that records what it is asked. */
class SqlPromptTest {

  private final List<String> ran = new ArrayList<>();
  private final StringWriter printed = new StringWriter();

  /** Fails the statements that contain "bad", at their line. */
  private final SqlPrompt.Session session = new SqlPrompt.Session() {
    @Override
    public String banner() {
      return "";
    }

    @Override
    public Outcome run(Statement statement) {
      ran.add(statement.text().strip());
      return statement.text().contains("bad")
          ? new Outcome.Failed(statement.line(), 400, "no such table bad") : new Outcome.Ran();
    }

    @Override
    public void cancel() {
    }

    @Override
    public SortedSet<String> names() {
      return new TreeSet<>();
    }
  };

  @Test
  void runsAnEntrysStatementsInOrderAndStopsAtTheFirstFailureWithItsLineAndReason() {
    boolean quit = SqlPrompt.runEntry("SELECT 1;\nSELECT\n  * FROM bad;\nSELECT 3;", session,
        new PrintWriter(printed));

    assertThat(quit).as("the prompt carries on after an error").isFalse();
    assertThat(ran).containsExactly("SELECT 1", "SELECT\n  * FROM bad");
    assertThat(printed.toString()).isEqualToIgnoringNewLines(
        "error at line 2 (HTTP 400): no such table bad");
  }

  @Test
  void quitsOnExitWithoutRunningWhatFollows() {
    assertThat(SqlPrompt.runEntry("SELECT 1; exit; SELECT 2;", session,
        new PrintWriter(printed))).isTrue();
    assertThat(SqlPrompt.runEntry("QUIT;", session, new PrintWriter(printed))).isTrue();

    assertThat(ran).containsExactly("SELECT 1");
  }

  @Test
  void anEntryWaitsForItsSemicolonAcrossLines() {
    assertThat(StatementParser.awaitsMore("SELECT day,\n  revenue FROM refined.daily_revenue"))
        .isTrue();
    assertThat(StatementParser.awaitsMore("SELECT ';' FROM t;")).isFalse();
    assertThat(StatementParser.awaitsMore("exit")).isFalse();
  }
}
