package io.eventshop.launcher.run;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.services.ServiceCatalogue;
import io.eventshop.launcher.services.ServiceDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code up} will start and on which ports: the broker (unless an existing cluster is used)
 * and every instance of every built service, instance i of a service on its base port + i - 1.
 *
 * @param broker    the own broker's ports, empty when an existing cluster is used
 * @param instances the service JVMs in start order
 */
public record LaunchPlan(Optional<BrokerPorts> broker, List<PlannedInstance> instances) {

  /** The ports of the launcher's own broker. */
  public record BrokerPorts(int kafka, int controller) {
  }

  /**
   * Plans a run of {@code built} services.
   *
   * @param instanceCounts {@code --instances name=N}
   * @param portOverrides  {@code --port name=PORT} (the first instance's port)
   * @throws LauncherException on an unknown service name or a count below one
   */
  public static LaunchPlan of(Optional<BrokerPorts> broker, List<ServiceDefinition> built,
                              Map<String, Integer> instanceCounts,
                              Map<String, Integer> portOverrides) {
    requireKnownNames("--instances", instanceCounts);
    requireKnownNames("--port", portOverrides);
    List<PlannedInstance> instances = new ArrayList<>();
    for (ServiceDefinition service : built) {
      int count = instanceCounts.getOrDefault(service.name(), 1);
      if (count < 1) {
        throw new LauncherException("--instances " + service.name() + "=" + count
            + ": need at least 1", LauncherException.USAGE);
      }
      int base = portOverrides.getOrDefault(service.name(), service.defaultPort());
      for (int i = 1; i <= count; i++) {
        instances.add(new PlannedInstance(service, i, base + i - 1));
      }
    }
    return new LaunchPlan(broker, List.copyOf(instances));
  }

  /** Every port of the plan, broker first. */
  public List<PortUse> ports() {
    List<PortUse> ports = new ArrayList<>();
    broker.ifPresent(b -> {
      ports.add(new PortUse("kafka", b.kafka(), "--kafka-port PORT"));
      ports.add(new PortUse("kafka controller", b.controller(), "--controller-port PORT"));
    });
    instances.forEach(i -> ports.add(new PortUse(i.componentName(), i.port(),
        "--port " + i.service().name() + "=PORT")));
    return ports;
  }

  /** The first instance of the schema registry, whose URL every service gets. */
  public Optional<PlannedInstance> schemaRegistry() {
    return instances.stream()
        .filter(i -> i.service().equals(ServiceCatalogue.SCHEMA_REGISTRY) && i.instance() == 1)
        .findFirst();
  }

  private static void requireKnownNames(String option, Map<String, Integer> values) {
    values.keySet().stream()
        .filter(name -> ServiceCatalogue.byName(name).isEmpty())
        .findFirst()
        .ifPresent(name -> {
          throw new LauncherException(option + " " + name + ": no such service (known: "
              + String.join(", ", ServiceCatalogue.names()) + ")", LauncherException.USAGE);
        });
  }
}
