package io.eventshop.launcher.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.process.JvmTuning;
import io.eventshop.launcher.run.LaunchPlan;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.PlannedInstance;
import io.eventshop.launcher.run.StartContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayRoutesTest {

  private static final ComponentCatalogue SHOP = ComponentCatalogue.EVENTSHOP;

  @Test
  void linksTheAdminPageToTheLegacyCrmOfTheRunButRoutesNothingToIt() {
    List<ComponentSpec> selected = List.of("kafka", "schema-registry", "product", "gateway",
        "postgres", "legacy-crm").stream().map(name -> SHOP.byName(name).orElseThrow()).toList();
    LaunchPlan plan = LaunchPlan.of(SHOP, selected, new LaunchPlan.BrokerPorts(9092, 9093),
        Map.of(), Map.of("legacy-crm", 9190));
    PlannedInstance gateway = plan.first(ComponentKind.GATEWAY).orElseThrow();
    LaunchSettings settings = new LaunchSettings(Path.of("/repo"), Path.of("/repo/data"),
        Optional.empty(), Optional.empty(), plan, Duration.ofSeconds(1), "1g",
        JvmTuning.QUICK_START);

    assertThat(GatewayRoutes.arguments(new StartContext(gateway, settings)))
        .contains("--eventshop.gateway.links.legacy-crm=http://127.0.0.1:9190")
        .noneMatch(argument -> argument.startsWith("--eventshop.gateway.services.legacy-crm"))
        .noneMatch(argument -> argument.contains("postgres"));
  }

  @Test
  void pointsTheGatewayAtEveryInstanceOfEveryServiceOfTheRun() {
    List<ComponentSpec> selected = List.of("kafka", "schema-registry", "product", "order",
        "gateway").stream().map(name -> SHOP.byName(name).orElseThrow()).toList();
    LaunchPlan plan = LaunchPlan.of(SHOP, selected, new LaunchPlan.BrokerPorts(9092, 9093),
        Map.of("order", 2), Map.of("product", 9110, "gateway", 9080));
    PlannedInstance gateway = plan.first(ComponentKind.GATEWAY).orElseThrow();
    LaunchSettings settings = new LaunchSettings(Path.of("/repo"), Path.of("/repo/data"),
        Optional.empty(), Optional.empty(), plan, Duration.ofSeconds(1), "1g",
        JvmTuning.QUICK_START);

    assertThat(GatewayRoutes.arguments(new StartContext(gateway, settings))).containsExactly(
        "--eventshop.gateway.services.product=http://127.0.0.1:9110",
        "--eventshop.gateway.services.order=http://127.0.0.1:8140,http://127.0.0.1:8141",
        "--eventshop.gateway.cors.allowed-origins=http://localhost:9080,http://127.0.0.1:9080");
  }
}
