package io.eventshop.launcher.run;

import io.eventshop.launcher.process.JvmTuning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code up} needs to know, resolved from the command line and the environment.
 *
 * @param home              the repository root, where the service jars are
 * @param dataDir           broker data, logs, state and {@code run.json}
 * @param externalBootstrap an existing cluster to use instead of an own broker
 * @param kafkaProperties   client security properties for the cluster
 * @param plan              what to start on which ports
 * @param healthTimeout     how long each component may take to become healthy
 * @param brokerHeap        {@code -Xmx} of the own broker
 * @param tuning            what the service JVMs are tuned for: a quick start or throughput
 */
public record LaunchSettings(Path home, Path dataDir, Optional<String> externalBootstrap,
                             Optional<Path> kafkaProperties, LaunchPlan plan,
                             Duration healthTimeout, String brokerHeap, JvmTuning tuning) {

  public Path logFile(String component) {
    return dataDir.resolve("logs").resolve(component + ".log");
  }
}
