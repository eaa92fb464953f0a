package io.eventshop.launcher.run;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.catalogue.ComponentSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code up} will start, in which order and on which ports. Components form waves: a
 * component is in the wave after the last of the components it needs, so the components of a wave
 * start together once the wave before is ready, and waves stop in reverse order. Instance i of a
 * component listens on its base port + i - 1.
 *
 * @param waves       the instances, wave by wave
 * @param kafkaSource the own broker's ports, or the existing cluster to use
 */
public record LaunchPlan(List<List<PlannedInstance>> waves, KafkaSource kafkaSource) {

  /** Where the run's Kafka comes from. */
  public sealed interface KafkaSource permits BrokerPorts, ExistingCluster {
  }

  /** The launcher's own broker on these ports. */
  public record BrokerPorts(int kafka, int controller) implements KafkaSource {
  }

  /** An existing cluster ({@code --kafka}); no broker is started. */
  public record ExistingCluster(String bootstrapServers) implements KafkaSource {
  }

  public LaunchPlan {
    waves = waves.stream().map(List::copyOf).toList();
  }

  /**
   * Plans a run of {@code selected} components (see
   * {@link io.eventshop.launcher.catalogue.Selection}).
   *
   * @param catalogue      the catalogue the names below are checked against
   * @param selected       the components to start; every component they need among them
   * @param kafkaSource    the own broker's ports or an existing cluster
   * @param instanceCounts {@code --instances name=N}
   * @param portOverrides  {@code --port name=PORT} (the first instance's port)
   * @throws LauncherException on an unknown name or a count below one
   */
  public static LaunchPlan of(ComponentCatalogue catalogue, List<ComponentSpec> selected,
                              KafkaSource kafkaSource, Map<String, Integer> instanceCounts,
                              Map<String, Integer> portOverrides) {
    requireKnownNames(catalogue, "--instances", instanceCounts);
    requireKnownNames(catalogue, "--port", portOverrides);
    Map<Integer, List<PlannedInstance>> waves = new TreeMap<>();
    Map<String, Integer> waveOf = new HashMap<>();
    for (ComponentSpec component : selected) {
      waves.computeIfAbsent(wave(component, selected, waveOf), w -> new ArrayList<>())
          .addAll(instances(component, kafkaSource, instanceCounts, portOverrides));
    }
    return new LaunchPlan(List.copyOf(waves.values()), kafkaSource);
  }

  /**
   * This plan with an existing database at {@code jdbcUrl} instead of the one it would start
   * ({@code --postgres-url}); unchanged when the plan has no database.
   */
  public LaunchPlan withExistingDatabase(String jdbcUrl) {
    return new LaunchPlan(waves.stream().map(wave -> wave.stream()
        .map(instance -> instance.spec().kind() == ComponentKind.DATABASE
            ? PlannedInstance.existing(instance.spec(), jdbcUrl) : instance)
        .toList()).toList(), kafkaSource);
  }

  /** Every instance, in start order. */
  public List<PlannedInstance> instances() {
    return waves.stream().flatMap(List::stream).toList();
  }

  /** The own broker's ports, empty when an existing cluster is used. */
  public Optional<BrokerPorts> broker() {
    return kafkaSource instanceof BrokerPorts ports ? Optional.of(ports) : Optional.empty();
  }

  /** The first instance of a kind. */
  public Optional<PlannedInstance> first(ComponentKind kind) {
    return instances().stream().filter(i -> i.spec().kind() == kind).findFirst();
  }

  /** Every port the run will bind, in start order. */
  public List<PortUse> ports() {
    List<PortUse> ports = new ArrayList<>();
    for (PlannedInstance instance : instances()) {
      if (instance.existing()) {
        continue;
      }
      if (instance.spec().kind() == ComponentKind.KAFKA) {
        ports.add(new PortUse(instance.componentName(), instance.port(), "--kafka-port PORT"));
        ports.add(new PortUse(instance.componentName() + " controller",
            broker().orElseThrow().controller(), "--controller-port PORT"));
      } else {
        ports.add(new PortUse(instance.componentName(), instance.port(),
            "--port " + instance.spec().name() + "=PORT"));
      }
    }
    return ports;
  }

  /** 0 for a component that needs nothing, else one past the latest wave of what it needs. */
  private static int wave(ComponentSpec component, List<ComponentSpec> selected,
                          Map<String, Integer> waveOf) {
    Integer known = waveOf.get(component.name());
    if (known != null) {
      return known;
    }
    int wave = 0;
    for (String need : component.needs()) {
      ComponentSpec needed = selected.stream().filter(c -> c.name().equals(need)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(component.name() + " needs " + need
              + ", which is not in the selection"));
      wave = Math.max(wave, wave(needed, selected, waveOf) + 1);
    }
    waveOf.put(component.name(), wave);
    return wave;
  }

  private static List<PlannedInstance> instances(ComponentSpec component, KafkaSource kafkaSource,
                                                 Map<String, Integer> instanceCounts,
                                                 Map<String, Integer> portOverrides) {
    if (component.kind() == ComponentKind.KAFKA) {
      return List.of(kafkaSource instanceof ExistingCluster cluster
          ? PlannedInstance.existing(component, cluster.bootstrapServers())
          : PlannedInstance.started(component, 1, ((BrokerPorts) kafkaSource).kafka()));
    }
    int count = instanceCounts.getOrDefault(component.name(), 1);
    if (count < 1) {
      throw new LauncherException("--instances " + component.name() + "=" + count
          + ": need at least 1", LauncherException.USAGE);
    }
    int base = portOverrides.getOrDefault(component.name(), component.port());
    List<PlannedInstance> instances = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      instances.add(PlannedInstance.started(component, i, base + i - 1));
    }
    return instances;
  }

  private static void requireKnownNames(ComponentCatalogue catalogue, String option,
                                        Map<String, Integer> values) {
    for (String name : values.keySet()) {
      Optional<ComponentSpec> component = catalogue.byName(name);
      if (component.isEmpty()) {
        throw new LauncherException(option + " " + name + ": no such component (known: "
            + String.join(", ", catalogue.names()) + ")", LauncherException.USAGE);
      }
      if (component.get().kind() == ComponentKind.KAFKA) {
        throw new LauncherException(option + " " + name + ": the launcher runs one broker; move"
            + " it with --kafka-port and --controller-port, or use a cluster with --kafka",
            LauncherException.USAGE);
      }
    }
  }
}
