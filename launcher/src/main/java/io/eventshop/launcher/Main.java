package io.eventshop.launcher;

import io.eventshop.launcher.cli.EventshopCommand;
import picocli.CommandLine;

/** Entry point of {@code ./eventshop}. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; a {@link LauncherException} is one line. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new EventshopCommand());
    commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
      if (exception instanceof LauncherException failure) {
        command.getErr().println(failure.getMessage());
        return failure.exitCode();
      }
      throw exception;
    });
    return commandLine.execute(args);
  }
}
