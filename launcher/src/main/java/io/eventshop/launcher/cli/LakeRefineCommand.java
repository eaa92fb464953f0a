package io.eventshop.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.lake.LakeClient;
import io.eventshop.launcher.lake.LakeRefusal;
import io.eventshop.launcher.run.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop lake refine}: rebuilds the lake's refined tables from its raw zone now
 * ({@code POST /api/lake/refine}) and prints each table's rows, or why it was skipped.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
    description = "Rebuild the lake's refined tables from the raw zone now (exit 0 done, 1 the"
        + " service failed, 3 no service answers).")
public final class LakeRefineCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int NO_SERVICE = 3;

  @Mixin
  private RunDirectory directory;

  @Option(names = "--url", paramLabel = "URL", description = "The lake service (default: the"
      + " run of --data-dir, else http://127.0.0.1:8180); the gateway's URL works too.")
  private String url;

  private PrintStream out = System.out;

  /** For tests: where the table goes. */
  LakeRefineCommand printingTo(PrintStream out) {
    this.out = out;
    return this;
  }

  @Override
  public Integer call() {
    LakeClient lake = new LakeClient(LakeCommand.service(url, directory));
    JsonNode results;
    try {
      results = lake.refine();
    } catch (IOException e) {
      out.println(lake.unreachable(e));
      return NO_SERVICE;
    } catch (LakeRefusal e) {
      out.println("the lake service could not refine (HTTP " + e.status() + "): " + e.reason());
      return FAILED;
    }
    Table table = new Table("TABLE", "ROWS", "MS", "SKIPPED");
    for (JsonNode result : results) {
      table.row(result.path("table").asText(), result.path("rows").asLong(),
          result.path("elapsedMs").asLong(), result.path("skipped").asText(""));
    }
    table.lines().forEach(out::println);
    return OK;
  }
}
