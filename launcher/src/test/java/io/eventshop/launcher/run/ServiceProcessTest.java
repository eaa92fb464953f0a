package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.services.ServiceCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

  private final Path home = Path.of("/repo");
  private final Path data = Path.of("/repo/data");

  @Test
  void passesEveryRunTimePropertyOfTheConventions() {
    LaunchPlan plan = LaunchPlan.of(Optional.empty(),
        List.of(ServiceCatalogue.byName("order").orElseThrow()), Map.of("order", 2), Map.of());
    LaunchSettings settings = new LaunchSettings(home, data, Optional.of("broker:9092"),
        Optional.of(Path.of("/etc/kafka/client.properties")), plan, Duration.ofSeconds(1), "1g");
    KafkaConnection kafka = new KafkaConnection("broker:9092",
        Optional.of(Path.of("/etc/kafka/client.properties")));

    List<String> command = ServiceProcess.command(plan.instances().get(1), settings, kafka,
        Optional.of("http://127.0.0.1:8081"));

    assertThat(command).containsSubsequence("-Xmx256m", "-jar",
        "/repo/services/order/target/order.jar");
    assertThat(command).contains(
        "--server.port=8141",
        "--eventshop.kafka.bootstrap-servers=broker:9092",
        "--eventshop.kafka.client-properties-file=/etc/kafka/client.properties",
        "--eventshop.kafka.state-dir=/repo/data/state/order-2",
        "--eventshop.schema-registry.url=http://127.0.0.1:8081",
        "--eventshop.instance-id=2");
  }

  @Test
  void leavesOutTheClientPropertiesWhenThereAreNone() {
    LaunchPlan plan = LaunchPlan.of(Optional.empty(),
        List.of(ServiceCatalogue.byName("product").orElseThrow()), Map.of(), Map.of());
    LaunchSettings settings = new LaunchSettings(home, data, Optional.empty(), Optional.empty(),
        plan, Duration.ofSeconds(1), "1g");

    List<String> command = ServiceProcess.command(plan.instances().get(0), settings,
        new KafkaConnection("127.0.0.1:9092", Optional.empty()), Optional.empty());

    assertThat(command).noneMatch(arg -> arg.startsWith("--eventshop.kafka.client-properties"));
    assertThat(command).noneMatch(arg -> arg.startsWith("--eventshop.schema-registry.url"));
  }

  @Test
  void pointsTheGatewayAtEveryInstanceOfEveryServiceOfTheRun() {
    LaunchPlan plan = LaunchPlan.of(Optional.empty(), List.of(ServiceCatalogue.SCHEMA_REGISTRY,
            ServiceCatalogue.byName("product").orElseThrow(),
            ServiceCatalogue.byName("order").orElseThrow(),
            ServiceCatalogue.byName("gateway").orElseThrow()),
        Map.of("order", 2), Map.of("product", 9110, "gateway", 9080));
    PlannedInstance gateway = plan.instances().get(plan.instances().size() - 1);

    assertThat(ServiceProcess.gatewayArguments(gateway, plan)).containsExactly(
        "--eventshop.gateway.services.product=http://127.0.0.1:9110",
        "--eventshop.gateway.services.order=http://127.0.0.1:8140,http://127.0.0.1:8141",
        "--eventshop.gateway.cors.allowed-origins=http://localhost:9080,http://127.0.0.1:9080");
  }
}
