package io.eventshop.launcher.services;

import io.eventshop.launcher.run.ComponentKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every service the launcher can run, in start order: the schema registry first (the others
 * register their schemas when they start), the gateway last.
 */
public final class ServiceCatalogue {

  public static final ServiceDefinition SCHEMA_REGISTRY =
      service("schema-registry", 8081, ComponentKind.SCHEMA_REGISTRY);

  private static final List<ServiceDefinition> ALL = List.of(
      SCHEMA_REGISTRY,
      service("product", 8110, ComponentKind.SERVICE),
      service("customer", 8120, ComponentKind.SERVICE),
      service("stock", 8130, ComponentKind.SERVICE),
      service("order", 8140, ComponentKind.SERVICE),
      new ServiceDefinition("gateway", Path.of("gateway"), 8080, ComponentKind.GATEWAY));

  private ServiceCatalogue() {
  }

  /** Every service, in start order. */
  public static List<ServiceDefinition> all() {
    return ALL;
  }

  /** The services whose executable jar exists under {@code home}, in start order. */
  public static List<ServiceDefinition> built(Path home) {
    return ALL.stream().filter(service -> service.isBuilt(home)).toList();
  }

  public static Optional<ServiceDefinition> byName(String name) {
    return ALL.stream().filter(service -> service.name().equals(name)).findFirst();
  }

  /** The names, for messages. */
  public static List<String> names() {
    return ALL.stream().map(ServiceDefinition::name).toList();
  }

  private static ServiceDefinition service(String name, int port, ComponentKind kind) {
    return new ServiceDefinition(name, Path.of("services", name), port, kind);
  }
}
