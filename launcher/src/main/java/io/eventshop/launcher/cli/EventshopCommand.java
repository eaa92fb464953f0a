package io.eventshop.launcher.cli;

import io.eventshop.launcher.simulate.SimulateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code eventshop}: the one command that runs the shop on one machine. */
@Command(name = "eventshop", mixinStandardHelpOptions = true, version = "eventshop 0.1.0",
    description = "Run Eventshop locally: a real Kafka broker and every service.",
    subcommands = {UpCommand.class, StatusCommand.class, TopicsCommand.class,
        SimulateCommand.class, ConnectorsCommand.class, SearchCommand.class, SqlCommand.class,
        LakeCommand.class})
public final class EventshopCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
