package io.eventshop.launcher.process;

import io.eventshop.launcher.run.StartContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * How the catalogue starts one instance of a component: the launcher's own broker, or a JVM of
 * something the build made. A crashed component is started again with the same call.
 */
public sealed interface StartCommand permits BrokerProcess, JavaCommand {

  /** Whether there is something to start: the module's jar is built (the broker always is). */
  boolean isBuilt(Path home);

  /**
   * Work that may run before the component's wave starts, in the background (extracting a jar
   * while the broker starts); {@code problems} hears what only costs speed.
   */
  default void prepare(Path home, Consumer<String> problems) {
  }

  /** Starts the instance, its output appended to {@link StartContext#logFile()}. */
  Process start(StartContext context) throws IOException;
}
