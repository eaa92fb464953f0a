package io.eventshop.launcher.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.launcher.LauncherException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SelectionTest {

  private static final ComponentCatalogue SHOP = ComponentCatalogue.EVENTSHOP;
  private static final Predicate<ComponentSpec> ALL_BUILT = component -> true;

  private static List<String> names(Selection selection, Predicate<ComponentSpec> isBuilt) {
    return selection.resolve(SHOP, isBuilt).stream().map(ComponentSpec::name).toList();
  }

  private static Selection only(String... names) {
    return new Selection(List.of(names), List.of());
  }

  private static Selection without(String... names) {
    return new Selection(List.of(), List.of(names));
  }

  @Test
  void startsEverythingThatIsBuiltByDefault() {
    assertThat(names(Selection.EVERYTHING, ALL_BUILT)).isEqualTo(SHOP.names());
    assertThat(names(Selection.EVERYTHING, c -> !c.name().equals("stock")))
        .containsExactly("kafka", "schema-registry", "product", "customer", "order",
            "analytics", "search", "sql", "lake", "gateway", "postgres", "legacy-crm", "connect");
  }

  @Test
  void startsTheShopGroupWithOnlyShop() {
    assertThat(names(only("shop"), ALL_BUILT)).containsExactly("kafka", "schema-registry",
        "product", "customer", "stock", "order", "gateway");
  }

  @Test
  void bringsAlongWhatAnOnlyComponentNeedsInCatalogueOrder() {
    assertThat(names(only("order", "product"), ALL_BUILT))
        .containsExactly("kafka", "schema-registry", "product", "order");
  }

  @Test
  void leavesOutWhatWithoutNames() {
    assertThat(names(without("gateway", "stock", "legacy"), ALL_BUILT))
        .containsExactly("kafka", "schema-registry", "product", "customer", "order", "analytics",
            "search", "sql", "lake");
    assertThat(names(new Selection(List.of("shop"), List.of("gateway")), ALL_BUILT))
        .doesNotContain("gateway").contains("order");
  }

  @Test
  void refusesToLeaveOutWhatAnotherComponentNeedsNamingBoth() {
    assertThatThrownBy(() -> names(new Selection(List.of("order"), List.of("schema-registry")),
        ALL_BUILT))
        .isInstanceOf(LauncherException.class)
        .hasMessage("--without schema-registry: order needs it; leave it out too, or keep"
            + " schema-registry")
        .extracting(e -> ((LauncherException) e).exitCode()).isEqualTo(LauncherException.USAGE);
    assertThatThrownBy(() -> names(without("kafka"), ALL_BUILT))
        .hasMessageStartingWith("--without kafka: schema-registry, product, customer, stock,"
            + " order, analytics, search, sql, gateway, connect need it; leave them out too");
  }

  @Test
  void refusesAnUnknownNameListingTheValidOnes() {
    for (Selection selection : List.of(only("shp"), without("gatway"))) {
      assertThatThrownBy(() -> names(selection, ALL_BUILT))
          .isInstanceOf(LauncherException.class)
          .hasMessageEndingWith(": no such component or group (components: kafka,"
              + " schema-registry, product, customer, stock, order, analytics, search, sql,"
              + " lake, gateway, postgres, legacy-crm, connect; groups: legacy, shop)")
          .extracting(e -> ((LauncherException) e).exitCode())
          .isEqualTo(LauncherException.USAGE);
    }
  }

  @Test
  void refusesAnOnlyComponentThatIsNotBuilt() {
    assertThatThrownBy(() -> names(only("order"), c -> !c.name().equals("order")))
        .isInstanceOf(LauncherException.class)
        .hasMessageStartingWith("order is not built");
  }

  @Test
  void skipsUnbuiltMembersOfAGroupLikeTheDefaultDoes() {
    Set<String> brokerOnly = Set.of("kafka");
    assertThat(names(only("shop"), c -> brokerOnly.contains(c.name()))).containsExactly("kafka");
  }

  @Test
  void refusesToStartAComponentWhoseNeedIsNotBuilt() {
    assertThatThrownBy(() -> names(Selection.EVERYTHING,
        c -> !c.name().equals("schema-registry")))
        .isInstanceOf(LauncherException.class)
        .hasMessageStartingWith("product needs schema-registry, which is not built")
        .hasMessageContaining("--without product");
  }
}
