package io.eventshop.launcher.cli;

import io.eventshop.launcher.lake.LakeClient;
import io.eventshop.launcher.lake.LakeReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop lake report}: the refined tables as one self-contained HTML file with charts
 * (revenue by country over time, top products, the funnel, stock turnover), from the lake
 * service's query API.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write an HTML report with charts of the lake's refined tables (exit 0"
        + " written, 2 the file cannot be written, 3 no service answers).")
public final class LakeReportCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int USAGE = 2;
  static final int NO_SERVICE = 3;

  @Mixin
  private RunDirectory directory;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "lake-report.html",
      description = "Where to write the report (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--url", paramLabel = "URL", description = "The lake service (default: the"
      + " run of --data-dir, else http://127.0.0.1:8180); the gateway's URL works too.")
  private String url;

  private PrintStream console = System.out;

  /** For tests: where the messages go. */
  LakeReportCommand printingTo(PrintStream console) {
    this.console = console;
    return this;
  }

  @Override
  public Integer call() {
    LakeClient lake = new LakeClient(LakeCommand.service(url, directory));
    String html;
    try {
      html = LakeReport.html(LakeReport.fetch(lake), Instant.now());
    } catch (IOException e) {
      console.println(lake.unreachable(e));
      return NO_SERVICE;
    }
    try {
      Files.writeString(out, html);
    } catch (IOException e) {
      console.println("cannot write " + out + ": " + e.getMessage());
      return USAGE;
    }
    console.println("wrote " + out.toAbsolutePath());
    return OK;
  }
}
