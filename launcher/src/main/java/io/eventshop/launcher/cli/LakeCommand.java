package io.eventshop.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eventshop lake}: what an analyst does with the data lake. */
@Command(name = "lake", mixinStandardHelpOptions = true,
    description = "Query the data lake (see services/lake/README.md).",
    subcommands = LakeSqlCommand.class)
public final class LakeCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
