package io.eventshop.launcher.run;

import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.kafka.KafkaConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a starting instance may know about its run: its own port and files, and where the other
 * components of the plan listen.
 *
 * @param instance the instance being started
 * @param settings the run's settings
 */
public record StartContext(PlannedInstance instance, LaunchSettings settings) {

  public LaunchPlan plan() {
    return settings.plan();
  }

  /** The repository root: relative paths of the catalogue start here, and so do the children. */
  public Path home() {
    return settings.home();
  }

  public Path logFile() {
    return settings.logFile(instance.componentName());
  }

  /** {@code <data-dir>/state/<name>-<i>}: where the instance keeps local state. */
  public Path stateDir() {
    return settings.dataDir().resolve("state").resolve(instance.stateDirName());
  }

  /** The run's Kafka cluster, when the plan has one. */
  public Optional<KafkaConnection> kafka() {
    return plan().first(ComponentKind.KAFKA)
        .map(kafka -> new KafkaConnection(kafka.url(), settings.kafkaProperties()));
  }

  /**
   * The run's Kafka cluster as every JVM of the repository is told it:
   * {@code --eventshop.kafka.bootstrap-servers} and, for an existing cluster with security
   * settings, {@code --eventshop.kafka.client-properties-file}. Empty without Kafka in the plan.
   */
  public List<String> kafkaArguments() {
    List<String> arguments = new ArrayList<>();
    kafka().ifPresent(kafka -> {
      arguments.add("--eventshop.kafka.bootstrap-servers=" + kafka.bootstrapServers());
      kafka.clientPropertiesFile().ifPresent(file ->
          arguments.add("--eventshop.kafka.client-properties-file=" + file));
    });
    return arguments;
  }

  /** The address of the first instance of a kind in the plan (the schema registry, say). */
  public Optional<String> urlOf(ComponentKind kind) {
    return plan().first(kind).map(PlannedInstance::url);
  }
}
