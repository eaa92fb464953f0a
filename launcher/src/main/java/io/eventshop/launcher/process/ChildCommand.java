package io.eventshop.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command lines of the launcher's child JVMs.
 *
 * <p>Children run in a session of their own ({@code setsid}, which execs in place and so keeps the
 * pid): a Ctrl-C in the terminal then reaches the launcher only, and the launcher stops its
 * children in reverse order, instead of the terminal signalling all of them at once (a service
 * would then lose its broker in the middle of its own shutdown). Where {@code setsid} does not
 * exist (macOS), children share the launcher's process group.
 */
public final class ChildCommand {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private ChildCommand() {
  }

  /** {@code java} of the JVM running the launcher, with the given arguments, detached. */
  public static List<String> java(List<String> arguments) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      command.add(SETSID.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    return command;
  }
}
