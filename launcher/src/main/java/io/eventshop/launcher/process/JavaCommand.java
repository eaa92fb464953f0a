package io.eventshop.launcher.process;

import io.eventshop.launcher.run.StartContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** A component that is a JVM started with a command line of its own. */
public sealed interface JavaCommand extends StartCommand permits SpringBootApp, JavaMain {

  /** The whole command line, {@code java} included ({@link ChildCommand#java(List)}). */
  List<String> command(StartContext context);

  @Override
  default Process start(StartContext context) throws IOException {
    Files.createDirectories(context.logFile().getParent());
    return new ProcessBuilder(command(context))
        .directory(context.home().toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(context.logFile().toFile()))
        .start();
  }
}
