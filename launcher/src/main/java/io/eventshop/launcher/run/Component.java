package io.eventshop.launcher.run;

import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.probe.ReadinessProbe;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A running part of the system: a child process of the launcher, or an existing cluster the
 * launcher only uses (no process).
 *
 * @param name      the name in tables, logs and {@code run.json}
 * @param kind      what it is
 * @param url       its address (the bootstrap address for kafka)
 * @param readiness how to tell that it is ready
 * @param process   the child process, empty for an existing cluster
 * @param logFile   where the child writes
 * @param wave      components started together form a wave; waves stop in reverse order
 */
public record Component(String name, ComponentKind kind, String url, ReadinessProbe readiness,
                        Optional<Process> process, Path logFile, int wave) {

  public Optional<Long> pid() {
    return process.map(Process::pid);
  }

  /** The same component, now run by {@code restarted}. */
  public Component withProcess(Process restarted) {
    return new Component(name, kind, url, readiness, Optional.of(restarted), logFile, wave);
  }
}
