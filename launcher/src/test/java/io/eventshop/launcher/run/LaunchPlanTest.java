package io.eventshop.launcher.run;

import static io.eventshop.launcher.catalogue.TestComponents.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlanTest {

  private static final ComponentCatalogue SHOP = ComponentCatalogue.EVENTSHOP;
  private static final LaunchPlan.BrokerPorts OWN_BROKER = new LaunchPlan.BrokerPorts(9092, 9093);

  private static LaunchPlan shop(LaunchPlan.KafkaSource kafka, Map<String, Integer> instances,
                                 Map<String, Integer> ports) {
    return LaunchPlan.of(SHOP, SHOP.all(), kafka, instances, ports);
  }

  private static List<List<String>> waveNames(LaunchPlan plan) {
    return plan.waves().stream()
        .map(wave -> wave.stream().map(PlannedInstance::componentName).toList()).toList();
  }

  @Test
  void startsKafkaAndTheDatabaseThenTheRegistryAndTheCrmThenTheServicesTheGatewayAndConnect() {
    assertThat(waveNames(shop(OWN_BROKER, Map.of(), Map.of()))).containsExactly(
        List.of("kafka", "lake", "postgres"),
        List.of("schema-registry", "legacy-crm"),
        List.of("product", "customer", "stock", "order", "analytics", "search", "sql",
            "gateway", "connect"));
  }

  @Test
  void putsAComponentInTheWaveAfterTheLastOfWhatItNeeds() {
    ComponentCatalogue diamond = new ComponentCatalogue(List.of(component("d", 4, "b", "c"),
        component("c", 3, "a"), component("a", 1), component("e", 5), component("b", 2, "a")),
        Map.of());

    LaunchPlan plan = LaunchPlan.of(diamond, diamond.all(), OWN_BROKER, Map.of(), Map.of());

    assertThat(waveNames(plan)).containsExactly(List.of("a", "e"), List.of("c", "b"),
        List.of("d"));
  }

  @Test
  void plansOnlyTheSelectedComponents() {
    List<ComponentSpec> selected = List.of(SHOP.byName("kafka").orElseThrow(),
        SHOP.byName("schema-registry").orElseThrow(), SHOP.byName("order").orElseThrow());

    assertThat(waveNames(LaunchPlan.of(SHOP, selected, OWN_BROKER, Map.of(), Map.of())))
        .containsExactly(List.of("kafka"), List.of("schema-registry"), List.of("order"));
  }

  @Test
  void startsTheExtraInstancesOfAComponentOnConsecutivePortsInTheSameWave() {
    LaunchPlan plan = shop(OWN_BROKER, Map.of("order", 2), Map.of("order", 9000));

    assertThat(plan.waves().get(2)).extracting(PlannedInstance::componentName,
            PlannedInstance::port, PlannedInstance::stateDirName, PlannedInstance::url)
        .contains(
            tuple("order", 9000, "order-1", "http://127.0.0.1:9000"),
            tuple("order-2", 9001, "order-2", "http://127.0.0.1:9001"));
  }

  @Test
  void takesEveryDefaultPortFromTheCatalogue() {
    assertThat(shop(OWN_BROKER, Map.of(), Map.of()).ports())
        .extracting(PortUse::component, PortUse::port, PortUse::howToChange)
        .containsExactly(
            tuple("kafka", 9092, "--kafka-port PORT"),
            tuple("kafka controller", 9093, "--controller-port PORT"),
            tuple("lake", 8180, "--port lake=PORT"),
            tuple("postgres", 15432, "--port postgres=PORT"),
            tuple("schema-registry", 8081, "--port schema-registry=PORT"),
            tuple("legacy-crm", 8190, "--port legacy-crm=PORT"),
            tuple("product", 8110, "--port product=PORT"),
            tuple("customer", 8120, "--port customer=PORT"),
            tuple("stock", 8130, "--port stock=PORT"),
            tuple("order", 8140, "--port order=PORT"),
            tuple("analytics", 8150, "--port analytics=PORT"),
            tuple("search", 8160, "--port search=PORT"),
            tuple("sql", 8170, "--port sql=PORT"),
            tuple("gateway", 8080, "--port gateway=PORT"),
            tuple("connect", 8083, "--port connect=PORT"));
  }

  @Test
  void usesAnExistingClusterWithoutBindingItsPorts() {
    LaunchPlan plan = shop(new LaunchPlan.ExistingCluster("broker-1:9092,broker-2:9092"),
        Map.of(), Map.of());

    assertThat(plan.waves().get(0)).first().satisfies(kafka -> {
      assertThat(kafka.existing()).isTrue();
      assertThat(kafka.url()).isEqualTo("broker-1:9092,broker-2:9092");
    });
    assertThat(plan.broker()).isEmpty();
    assertThat(plan.ports()).extracting(PortUse::component).doesNotContain("kafka",
        "kafka controller");
  }

  @Test
  void rejectsAnUnknownName() {
    assertThatThrownBy(() -> shop(OWN_BROKER, Map.of("ordr", 2), Map.of()))
        .isInstanceOf(LauncherException.class)
        .hasMessageStartingWith("--instances ordr: no such component (known: kafka,")
        .extracting(e -> ((LauncherException) e).exitCode()).isEqualTo(LauncherException.USAGE);
    assertThatThrownBy(() -> shop(OWN_BROKER, Map.of(), Map.of("ordr", 1)))
        .hasMessageStartingWith("--port ordr: no such component");
  }

  @Test
  void pointsAtTheBrokerOptionsForKafka() {
    assertThatThrownBy(() -> shop(OWN_BROKER, Map.of("kafka", 2), Map.of()))
        .hasMessageContaining("--kafka-port");
    assertThatThrownBy(() -> shop(OWN_BROKER, Map.of(), Map.of("kafka", 19092)))
        .hasMessageContaining("--kafka-port");
  }

  @Test
  void rejectsFewerThanOneInstance() {
    assertThatThrownBy(() -> shop(OWN_BROKER, Map.of("order", 0), Map.of()))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void ignoresOptionsAboutComponentsThatDoNotStart() {
    List<ComponentSpec> brokerOnly = List.of(SHOP.byName("kafka").orElseThrow());

    assertThat(LaunchPlan.of(SHOP, brokerOnly, OWN_BROKER, Map.of("order", 2),
        Map.of("gateway", 1)).instances()).extracting(PlannedInstance::componentName)
        .containsExactly("kafka");
  }
}
