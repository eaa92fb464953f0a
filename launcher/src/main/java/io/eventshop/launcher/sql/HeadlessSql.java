package io.eventshop.launcher.sql;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The headless front end: a file's statements in order, each echoed before its answer, stopping
 * at the first that fails with its line in the file.
 */
public final class HeadlessSql {

  private final StatementRunner runner;
  private final PrintWriter out;

  public HeadlessSql(StatementRunner runner, PrintWriter out) {
    this.runner = runner;
    this.out = out;
  }

  /** Runs {@code script}, the text of {@code file}; answers the outcome that ended it. */
  public Outcome run(Path file, String script) {
    for (Statement statement : StatementScript.of(script).all()) {
      out.println("> " + statement.text().strip().replaceAll("\\s+", " ") + ";");
      out.flush();
      Outcome outcome = runner.run(statement);
      if (!outcome.ran()) {
        out.println(outcome.describe(" of " + file));
        out.flush();
        return outcome;
      }
    }
    return new Outcome.Ran();
  }
}
