package io.eventshop.launcher.catalogue;

import static io.eventshop.launcher.catalogue.TestComponents.component;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.launcher.probe.HttpProbe;
import io.eventshop.launcher.probe.JdbcProbe;
import io.eventshop.launcher.probe.KafkaProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentCatalogueTest {

  private static final ComponentCatalogue SHOP = ComponentCatalogue.EVENTSHOP;

  @Test
  void listsTheBrokerTheRegistryTheServicesTheGatewayAndTheLegacyCrmWithItsDatabase() {
    assertThat(SHOP.names()).containsExactly("kafka", "schema-registry", "product", "customer",
        "stock", "order", "analytics", "search", "sql", "lake", "gateway", "postgres", "legacy-crm",
        "connect");
    assertThat(SHOP.expand("shop")).contains(List.of("kafka", "schema-registry", "product",
        "customer", "stock", "order", "gateway"));
    assertThat(SHOP.expand("legacy")).contains(List.of("postgres", "legacy-crm", "connect"));
  }

  @Test
  void startsTheLegacyCrmOnItsDatabaseAloneAndKeepsItOutOfTheGatewaysRoutes() {
    ComponentSpec crm = SHOP.byName("legacy-crm").orElseThrow();
    ComponentSpec postgres = SHOP.byName("postgres").orElseThrow();

    assertThat(crm.needs()).containsExactly("postgres");
    assertThat(crm.kind()).isEqualTo(ComponentKind.WEB_APP);
    assertThat(crm.readiness()).isEqualTo(HttpProbe.SPRING_HEALTH);
    assertThat(postgres.needs()).isEmpty();
    assertThat(postgres.readiness()).isInstanceOf(JdbcProbe.class);
    assertThat(postgres.url(15432)).isEqualTo("jdbc:postgresql://127.0.0.1:15432/postgres");
  }

  @Test
  void startsTheConnectWorkerOnceTheCrmHasCreatedItsTablesAndWaitsForItsConnectors() {
    ComponentSpec connect = SHOP.byName("connect").orElseThrow();

    assertThat(connect.needs()).containsExactly("kafka", "schema-registry", "legacy-crm");
    assertThat(connect.kind()).isEqualTo(ComponentKind.CONNECT);
    assertThat(connect.readiness()).isEqualTo(new HttpProbe("/eventshop/ready"));
    assertThat(connect.url(8083)).isEqualTo("http://127.0.0.1:8083");
  }

  @Test
  void startsTheLakeServiceOnItsOwnBecauseItReadsFilesOnly() {
    ComponentSpec lake = SHOP.byName("lake").orElseThrow();

    assertThat(lake.needs()).isEmpty();
    assertThat(lake.kind()).isEqualTo(ComponentKind.SERVICE);
    assertThat(lake.readiness()).isEqualTo(HttpProbe.SPRING_HEALTH);
  }

  @Test
  void declaresEveryDefaultPortOnceAndNoPortTwice() {
    assertThat(SHOP.all()).extracting(ComponentSpec::port)
        .containsExactly(9092, 8081, 8110, 8120, 8130, 8140, 8150, 8160, 8170, 8180, 8080, 15432, 8190,
            8083)
        .doesNotHaveDuplicates()
        .doesNotContain(ComponentCatalogue.KAFKA_CONTROLLER_PORT);
  }

  @Test
  void startsTheServicesAfterTheRegistryAndTheRegistryAfterKafka() {
    assertThat(SHOP.byName("schema-registry").orElseThrow().needs()).containsExactly("kafka");
    for (String service : List.of("product", "customer", "stock", "order", "analytics",
        "search", "sql", "gateway")) {
      assertThat(SHOP.byName(service).orElseThrow().needs())
          .containsExactly("kafka", "schema-registry");
    }
  }

  @Test
  void asksSpringServicesTheirHealthAndKafkaItsCluster() {
    assertThat(SHOP.byName("kafka").orElseThrow().readiness()).isInstanceOf(KafkaProbe.class);
    assertThat(SHOP.byName("order").orElseThrow().readiness()).isEqualTo(HttpProbe.SPRING_HEALTH);
  }

  @Test
  void restartsTheServicesAndTheDatabaseButNotTheBrokerThatHoldsTheirState() {
    assertThat(SHOP.all()).filteredOn(ComponentSpec::restartsOnCrash)
        .extracting(ComponentSpec::name).doesNotContain("kafka").hasSize(13);
  }

  @Test
  void refusesNeedsThatFormACycle() {
    assertThatThrownBy(() -> new ComponentCatalogue(List.of(component("a", 1, "c"),
        component("b", 2, "a"), component("c", 3, "b"), component("d", 4)), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the needs form a cycle: a -> c -> b -> a");
    assertThatThrownBy(() -> new ComponentCatalogue(List.of(component("a", 1, "a")), Map.of()))
        .hasMessage("the needs form a cycle: a -> a");
  }

  @Test
  void acceptsADiamondOfNeeds() {
    ComponentCatalogue diamond = new ComponentCatalogue(List.of(component("a", 1),
        component("b", 2, "a"), component("c", 3, "a"), component("d", 4, "b", "c")), Map.of());

    assertThat(diamond.names()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void refusesUnknownNeedsRepeatedNamesAndUnknownGroupMembers() {
    assertThatThrownBy(() -> new ComponentCatalogue(List.of(component("a", 1, "x")), Map.of()))
        .hasMessage("a needs x, which is no component");
    assertThatThrownBy(() -> new ComponentCatalogue(List.of(component("a", 1),
        component("a", 2)), Map.of()))
        .hasMessage("component a appears twice");
    assertThatThrownBy(() -> new ComponentCatalogue(List.of(component("a", 1)),
        Map.of("g", List.of("a", "y"))))
        .hasMessage("group g lists y, which is no component");
    assertThatThrownBy(() -> new ComponentCatalogue(List.of(component("a", 1)),
        Map.of("a", List.of("a"))))
        .hasMessage("group a has a component's name");
  }
}
