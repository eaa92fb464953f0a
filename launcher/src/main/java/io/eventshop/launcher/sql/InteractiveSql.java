package io.eventshop.launcher.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SortedSet;

/**
 * {@code eventshop sql} at a prompt ({@link SqlPrompt}): KSQL statements through one
 * {@link StatementRunner}; Ctrl-C cancels the running push query; Tab completes KSQL's keywords
 * and the service's streams and tables.
 */
public final class InteractiveSql {

  static final String PROMPT = "sql> ";

  private final SqlServiceClient service;
  private final Path historyFile;

  public InteractiveSql(SqlServiceClient service, Path historyFile) {
    this.service = service;
    this.historyFile = historyFile;
  }

  /** Runs the prompt until the user quits. */
  public void run() throws IOException {
    new SqlPrompt("eventshop-sql", PROMPT, SqlCompleter.KSQL_KEYWORDS, historyFile)
        .run(this::session);
  }

  private SqlPrompt.Session session(PrintWriter out) {
    StatementRunner runner = new StatementRunner(service, out);
    return new SqlPrompt.Session() {
      @Override
      public String banner() {
        return "eventshop sql on " + service.service() + ": end statements with ';'. Ctrl-C"
            + " cancels a push query, Ctrl-D or exit; quits.";
      }

      @Override
      public Outcome run(Statement statement) {
        return runner.run(statement);
      }

      @Override
      public void cancel() {
        runner.cancel();
      }

      @Override
      public SortedSet<String> names() {
        return service.sourceNames();
      }
    };
  }
}
