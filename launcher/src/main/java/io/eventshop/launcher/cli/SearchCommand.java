package io.eventshop.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eventshop search}: what an operator does to the search service's index. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Operate the search index (see services/search/README.md).",
    subcommands = ReindexCommand.class)
public final class SearchCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
