package io.eventshop.launcher.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A running part of the system: the broker or a service JVM, or an existing cluster the launcher
 * only uses (no process).
 *
 * @param name    the name in tables, logs and {@code run.json}
 * @param kind    what it is
 * @param url     the bootstrap address (kafka) or the base HTTP URL
 * @param process the child process, empty for an existing cluster
 * @param logFile where the child writes
 * @param wave    components started together form a wave; waves stop in reverse order
 */
public record Component(String name, ComponentKind kind, String url, Optional<Process> process,
                        Path logFile, int wave) {

  public Optional<Long> pid() {
    return process.map(Process::pid);
  }
}
