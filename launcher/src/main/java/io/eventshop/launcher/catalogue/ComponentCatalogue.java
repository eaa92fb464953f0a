package io.eventshop.launcher.catalogue;

import io.eventshop.launcher.postgres.DatabaseUrl;
import io.eventshop.launcher.postgres.PostgresServer;
import io.eventshop.launcher.probe.HttpProbe;
import io.eventshop.launcher.probe.JdbcProbe;
import io.eventshop.launcher.probe.KafkaProbe;
import io.eventshop.launcher.process.BrokerProcess;
import io.eventshop.launcher.process.JavaMain;
import io.eventshop.launcher.process.LauncherClasspath;
import io.eventshop.launcher.process.SpringBootApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every component {@code up} can start, in the order tables list them, with its default port, how
 * it starts, how it shows it is ready and what it needs; and the groups {@code --only} names. The
 * one place a default port is written.
 *
 * <p>Checked when built: names are unique, every need and group member is a component, and needs
 * form no cycle (a cycle could never start).
 */
public final class ComponentCatalogue {

  /**
   * The broker's ports are constants because the options that move them ({@code --kafka-port},
   * {@code --controller-port}) take them as defaults, and an annotation takes constants only.
   */
  public static final int KAFKA_PORT = 9092;
  public static final int KAFKA_CONTROLLER_PORT = 9093;

  /** The shop as {@code ./eventshop up} runs it. */
  public static final ComponentCatalogue EVENTSHOP = new ComponentCatalogue(List.of(
      new ComponentSpec("kafka", ComponentKind.KAFKA, KAFKA_PORT,
          new BrokerProcess(), new KafkaProbe(), List.of(), false),
      // the services register their schemas when they start, so it comes before them
      springBoot("schema-registry", ComponentKind.SCHEMA_REGISTRY, 8081,
          SpringBootApp.module("services/schema-registry"), "kafka"),
      service("product", 8110),
      service("customer", 8120),
      service("stock", 8130),
      service("order", 8140),
      // stream analytics beside the shop: not needed to shop, so not in the group "shop"
      service("analytics", 8150),
      // the search sink and its API: a derived view, not needed to shop (yet), so not in "shop"
      service("search", 8160),
      // streaming SQL (KSQL on Flink) over the topics: a tool beside the shop, not in "shop"
      service("sql", 8170),
      // SQL over the lake's Iceberg tables (the Connect worker lands them): reads files only,
      // so it needs no broker; a lake with no table yet answers that the table does not exist
      springBoot("lake", ComponentKind.SERVICE, 8180, SpringBootApp.module("services/lake")
          .withArguments(run -> List.of("--eventshop.lake.warehouse=" + run.settings().dataDir()
              .resolve(ConnectArguments.LAKE).toAbsolutePath()))),
      // routes to whichever services run; started with them, not after them
      springBoot("gateway", ComponentKind.GATEWAY, 8080,
          SpringBootApp.module("gateway").withArguments(GatewayRoutes::arguments),
          "kafka", "schema-registry"),
      // the legacy CRM's own database; a crash is answered by a restart, which recovers what
      // was committed from the WAL (fsync is on). Not 5432, where a developer's own PostgreSQL
      // usually listens.
      new ComponentSpec("postgres", ComponentKind.DATABASE, 15432,
          new JavaMain(LauncherClasspath.entries(), PostgresServer.class.getName(), "64m",
              run -> List.of("--data-dir=" + run.settings().dataDir().resolve("postgres"),
                  "--port=" + run.instance().port())),
          new JdbcProbe(PostgresServer.SUPERUSER, PostgresServer.READY_QUERY), List.of(), true),
      // knows nothing of Kafka: it needs its database only, and starts while the registry does
      springBoot("legacy-crm", ComponentKind.WEB_APP, 8190,
          SpringBootApp.module("legacy/crm").withArguments(run -> List.of(
              "--spring.datasource.url=" + run.urlOf(ComponentKind.DATABASE).orElseThrow(),
              "--spring.datasource.username=" + DatabaseUrl.parse(
                  run.urlOf(ComponentKind.DATABASE).orElseThrow()).user())),
          "postgres"),
      // change data capture from the CRM's tables, which exist once the CRM has migrated them
      new ComponentSpec("connect", ComponentKind.CONNECT, 8083,
          new JavaMain(List.of(Path.of("connect/target/connect.jar")),
              "io.eventshop.connect.ConnectWorker", "384m", ConnectArguments::arguments),
          new HttpProbe("/eventshop/ready"), List.of("kafka", "schema-registry", "legacy-crm"),
          true)),
      Map.of("shop", List.of("kafka", "schema-registry", "product", "customer", "stock", "order",
          "gateway"), "legacy", List.of("postgres", "legacy-crm", "connect")));

  private final List<ComponentSpec> components;
  private final Map<String, ComponentSpec> byName = new LinkedHashMap<>();
  private final Map<String, List<String>> groups;

  /**
   * @param components every component, in the order tables list them
   * @param groups     names for sets of components ({@code --only shop})
   * @throws IllegalArgumentException when a name repeats, a need or member is unknown, or needs
   *                                  form a cycle
   */
  public ComponentCatalogue(List<ComponentSpec> components, Map<String, List<String>> groups) {
    this.components = List.copyOf(components);
    this.groups = Map.copyOf(groups);
    for (ComponentSpec component : components) {
      if (byName.put(component.name(), component) != null) {
        throw new IllegalArgumentException("component " + component.name() + " appears twice");
      }
    }
    for (ComponentSpec component : components) {
      component.needs().forEach(need -> requireComponent(need, component.name() + " needs"));
    }
    this.groups.forEach((group, members) -> {
      if (byName.containsKey(group)) {
        throw new IllegalArgumentException("group " + group + " has a component's name");
      }
      members.forEach(member -> requireComponent(member, "group " + group + " lists"));
    });
    components.forEach(component -> refuseCycle(component, new ArrayList<>(), new HashSet<>()));
  }

  /** Every component, in the order tables list them. */
  public List<ComponentSpec> all() {
    return components;
  }

  public Optional<ComponentSpec> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The component names, for messages. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The group names, for messages. */
  public List<String> groupNames() {
    return groups.keySet().stream().sorted().toList();
  }

  /** The components a name stands for: the component itself or a group's members. */
  public Optional<List<String>> expand(String componentOrGroup) {
    if (byName.containsKey(componentOrGroup)) {
      return Optional.of(List.of(componentOrGroup));
    }
    return Optional.ofNullable(groups.get(componentOrGroup));
  }

  private void requireComponent(String name, String who) {
    if (!byName.containsKey(name)) {
      throw new IllegalArgumentException(who + " " + name + ", which is no component");
    }
  }

  /** Depth-first along the needs; a component met again on the current path closes a cycle. */
  private void refuseCycle(ComponentSpec component, List<String> path, Set<String> done) {
    if (done.contains(component.name())) {
      return;
    }
    if (path.contains(component.name())) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(component.name()),
          path.size()));
      cycle.add(component.name());
      throw new IllegalArgumentException("the needs form a cycle: " + String.join(" -> ", cycle));
    }
    path.add(component.name());
    component.needs().forEach(need -> refuseCycle(byName.get(need), path, done));
    path.remove(path.size() - 1);
    done.add(component.name());
  }

  private static ComponentSpec service(String name, int port) {
    return springBoot(name, ComponentKind.SERVICE, port, SpringBootApp.module("services/" + name),
        "kafka", "schema-registry");
  }

  private static ComponentSpec springBoot(String name, ComponentKind kind, int port,
                                          SpringBootApp app, String... needs) {
    return new ComponentSpec(name, kind, port, app, HttpProbe.SPRING_HEALTH, List.of(needs), true);
  }
}
