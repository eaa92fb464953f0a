package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.services.ServiceCatalogue;
import io.eventshop.launcher.services.ServiceDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchPlanTest {

  private static final List<ServiceDefinition> REGISTRY_AND_ORDER = List.of(
      ServiceCatalogue.SCHEMA_REGISTRY, ServiceCatalogue.byName("order").orElseThrow());
  private static final Optional<LaunchPlan.BrokerPorts> OWN_BROKER =
      Optional.of(new LaunchPlan.BrokerPorts(9092, 9093));

  @Test
  void startsTheExtraInstancesOfAServiceOnConsecutivePorts() {
    LaunchPlan plan = LaunchPlan.of(OWN_BROKER, REGISTRY_AND_ORDER, Map.of("order", 2), Map.of());

    assertThat(plan.instances()).extracting(PlannedInstance::componentName, PlannedInstance::port,
            PlannedInstance::stateDirName)
        .containsExactly(
            tuple("schema-registry", 8081, "schema-registry-1"),
            tuple("order", 8140, "order-1"),
            tuple("order-2", 8141, "order-2"));
  }

  @Test
  void movesAServiceToTheRequestedPort() {
    LaunchPlan plan = LaunchPlan.of(OWN_BROKER, REGISTRY_AND_ORDER, Map.of("order", 2),
        Map.of("order", 9000));

    assertThat(plan.instances()).extracting(PlannedInstance::port).containsExactly(8081, 9000, 9001);
  }

  @Test
  void listsTheBrokerPortsOnlyWhenItRunsItsOwnBroker() {
    assertThat(LaunchPlan.of(OWN_BROKER, List.of(), Map.of(), Map.of()).ports())
        .extracting(PortUse::component, PortUse::port)
        .containsExactly(tuple("kafka", 9092),
            tuple("kafka controller", 9093));
    assertThat(LaunchPlan.of(Optional.empty(), REGISTRY_AND_ORDER, Map.of(), Map.of()).ports())
        .extracting(PortUse::component).containsExactly("schema-registry", "order");
  }

  @Test
  void rejectsAnUnknownServiceName() {
    assertThatThrownBy(() -> LaunchPlan.of(OWN_BROKER, REGISTRY_AND_ORDER, Map.of("ordr", 2),
        Map.of()))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("--instances ordr")
        .hasMessageContaining("order")
        .extracting(e -> ((LauncherException) e).exitCode()).isEqualTo(LauncherException.USAGE);
  }

  @Test
  void rejectsFewerThanOneInstance() {
    assertThatThrownBy(() -> LaunchPlan.of(OWN_BROKER, REGISTRY_AND_ORDER, Map.of("order", 0),
        Map.of()))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void findsTheSchemaRegistryForTheOtherServices() {
    LaunchPlan plan = LaunchPlan.of(OWN_BROKER, REGISTRY_AND_ORDER, Map.of(),
        Map.of("schema-registry", 18081));

    assertThat(plan.schemaRegistry()).map(PlannedInstance::url)
        .contains("http://127.0.0.1:18081");
  }
}
