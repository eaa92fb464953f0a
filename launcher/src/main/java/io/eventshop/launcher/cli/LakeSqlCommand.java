package io.eventshop.launcher.cli;

import io.eventshop.launcher.lake.LakeClient;
import io.eventshop.launcher.lake.LakeRefusal;
import io.eventshop.launcher.lake.LakeSession;
import io.eventshop.launcher.sql.SqlPrompt;
import io.eventshop.launcher.sql.Statement;
import io.eventshop.launcher.sql.StatementScript;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop lake sql}: SELECTs against the lake service ({@code POST /api/lake/query}),
 * each answer printed as a table. At a prompt ({@link SqlPrompt}: history, entries of several
 * lines ended by {@code ;}, a refused query's reason and the prompt carries on), or with
 * {@code --file queries.sql} a file's queries in order, stopping at the first that is refused or
 * fails, with its line in the file (exit 1). Exit 3 when no lake service answers.
 */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = "Run SELECTs against the lake service and print the results: at a prompt"
        + " (history, statements ended by ';', Ctrl-D or exit; quits), or headless with --file"
        + " (exit 0 all ran, 1 a query was refused or failed, 2 usage, 3 no service answers).")
public final class LakeSqlCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NO_SERVICE = 3;

  @Mixin
  private RunDirectory directory;

  @Option(names = "--file", paramLabel = "FILE",
      description = "Run the file's queries, each ended by ';', instead of a prompt.")
  private Path file;

  @Option(names = "--url", paramLabel = "URL", description = "The lake service (default: the"
      + " run of --data-dir, else http://127.0.0.1:8180); the gateway's URL works too.")
  private String url;

  private PrintStream out = System.out;

  /** For tests: where the tables go. */
  LakeSqlCommand printingTo(PrintStream out) {
    this.out = out;
    return this;
  }

  @Override
  public Integer call() throws Exception {
    LakeClient lake = new LakeClient(LakeCommand.service(url, directory));
    if (file == null) {
      new SqlPrompt("eventshop-lake-sql", "lake> ", LakeSession.KEYWORDS,
          directory.historyFile("lake-sql-history")).run(terminal -> new LakeSession(lake,
          terminal));
      return OK;
    }
    List<Statement> queries;
    try {
      queries = StatementScript.of(Files.readString(file)).all();
    } catch (IOException e) {
      out.println("cannot read " + file + ": " + e.getMessage());
      return USAGE;
    }
    for (Statement query : queries) {
      out.println("> " + query.text().strip().replaceAll("\\s+", " ") + ";");
      try {
        lake.query(query.text()).lines().forEach(out::println);
      } catch (IOException e) {
        out.println(lake.unreachable(e));
        return NO_SERVICE;
      } catch (LakeRefusal e) {
        out.println("error at line " + query.line() + " of " + file + " (HTTP " + e.status()
            + "): " + e.reason());
        return FAILED;
      }
    }
    return OK;
  }
}
