package io.eventshop.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eventshop lake}: what an analyst does with the data lake. */
@Command(name = "lake", mixinStandardHelpOptions = true,
    description = "Query the data lake (see services/lake/README.md).",
    subcommands = {LakeSqlCommand.class, LakeRefineCommand.class,
        LakeReportCommand.class})
public final class LakeCommand implements Runnable {

  static final String DEFAULT_URL = "http://127.0.0.1:8180";

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code url} if given, else the lake service of the run, else the default, without a "/". */
  static String service(String url, RunDirectory directory) {
    return (url != null ? url : directory.urlOf("lake").orElse(DEFAULT_URL))
        .replaceAll("/+$", "");
  }
}
