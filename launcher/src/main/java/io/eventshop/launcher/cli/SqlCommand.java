package io.eventshop.launcher.cli;

import io.eventshop.launcher.sql.HeadlessSql;
import io.eventshop.launcher.sql.InteractiveSql;
import io.eventshop.launcher.sql.Outcome;
import io.eventshop.launcher.sql.SqlServiceClient;
import io.eventshop.launcher.sql.StatementRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop sql}: KSQL (or Flink SQL) against the sql service's REST API, at a prompt or,
 * with {@code --file}, headless. Both front ends run their statements through one
 * {@link StatementRunner}.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Run KSQL (or Flink SQL) statements against the sql service: at a prompt "
        + "(history, completion, statements ended by ';', Ctrl-C cancels a push query, Ctrl-D or "
        + "exit; quits), or headless with --file.",
        "Exit 0 all ran, 1 a statement of the file failed, 2 the file cannot be read, 3 no "
            + "service answers."})
public final class SqlCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NO_SERVICE = 3;

  @Mixin
  private RunDirectory directory;

  @Option(names = "--file", paramLabel = "FILE", description = "Run the file's statements in"
      + " order, print their results and stop at the first that fails, with its line.")
  private Path file;

  @Option(names = "--url", paramLabel = "URL",
      description = "The sql service (default: the run of --data-dir, else http://127.0.0.1:8170)."
          + " Through the gateway: http://127.0.0.1:8080/api/sql.")
  private String url;

  @Override
  public Integer call() throws IOException {
    SqlServiceClient service = new SqlServiceClient(Optional.ofNullable(url)
        .or(() -> directory.urlOf("sql")).orElse("http://127.0.0.1:8170"));
    if (file == null) {
      new InteractiveSql(service, directory.historyFile("sql-history")).run();
      return OK;
    }
    String script;
    try {
      script = Files.readString(file);
    } catch (IOException e) {
      System.out.println("cannot read " + file + ": " + e.getMessage());
      return USAGE;
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Outcome outcome = new HeadlessSql(new StatementRunner(service, out), out).run(file, script);
    if (outcome instanceof Outcome.Unreachable) {
      return NO_SERVICE;
    }
    return outcome.ran() ? OK : FAILED;
  }
}
