package io.eventshop.launcher.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a component listed in {@code run.json} is healthy: its process is alive (when it has
 * one) and its readiness probe, the one {@code up} waited on, answers.
 */
public final class ComponentHealth {

  private final Optional<Path> kafkaProperties;

  public ComponentHealth(Optional<Path> kafkaProperties) {
    this.kafkaProperties = kafkaProperties;
  }

  public boolean isHealthy(RunFile.Entry component) {
    if (component.pid() != null && !isAlive(component.pid())) {
      return false;
    }
    // a run.json written by a launcher from before readiness probes cannot be asked
    return component.readiness() != null
        && component.readiness().isReady(component.url(), kafkaProperties);
  }

  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
