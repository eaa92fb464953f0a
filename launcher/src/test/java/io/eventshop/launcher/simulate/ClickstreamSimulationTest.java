package io.eventshop.launcher.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClickstreamSimulationTest {

  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  private static final List<String> SKUS =
      List.of("mug-1", "kettle-2", "lamp-3", "vase-4", "globe-5");

  private final List<String> ordered = new ArrayList<>();

  private ClickstreamSimulation simulation(double buyers, double late) {
    return new ClickstreamSimulation(new Random(42), SKUS, 10, buyers, late,
        Duration.ofSeconds(5), (visitor, sku, quantity) -> {
          ordered.add(sku);
          return CompletableFuture.completedFuture("order-" + ordered.size());
        }, START);
  }

  private static List<ClickEvent> run(ClickstreamSimulation simulation, int clicks) {
    List<ClickEvent> out = new ArrayList<>();
    for (int i = 0; i < clicks; i++) {
      out.add(simulation.next(START.plusMillis(i * 10L)));
    }
    return out;
  }

  @Test
  void everyVisitorLandsOnTheShopFirstAndAddsOnlyWhatItViewed() {
    Map<String, List<ClickEvent>> byVisitor = run(simulation(0.2, 0), 2_000).stream()
        .collect(Collectors.groupingBy(ClickEvent::getVisitorId, LinkedHashMap::new,
            Collectors.toList()));

    assertThat(byVisitor).hasSizeGreaterThan(50);
    byVisitor.values().forEach(clicks -> {
      assertThat(clicks.get(0).getAction()).isEqualTo(ClickAction.PAGE_VIEW);
      List<String> viewed = new ArrayList<>();
      for (ClickEvent click : clicks) {
        if (click.getAction() == ClickAction.PRODUCT_VIEW) {
          viewed.add(click.getSku());
        }
        if (click.getAction() == ClickAction.ADD_TO_CART) {
          assertThat(viewed).contains(click.getSku());
          assertThat(click.getQuantity()).isBetween(1, 2);
        }
      }
    });
  }

  @Test
  void buyersPlaceRealOrdersAndTheirCheckoutCarriesTheOrderId() {
    List<ClickEvent> clicks = run(simulation(1.0, 0), 2_000);

    List<ClickEvent> checkouts = clicks.stream()
        .filter(click -> click.getAction() == ClickAction.CHECKOUT).toList();
    assertThat(checkouts).isNotEmpty();
    assertThat(checkouts).extracting(ClickEvent::getOrderId)
        .allMatch(id -> id.startsWith("order-")).doesNotHaveDuplicates();
    assertThat(ordered).hasSameSizeAs(checkouts);
  }

  @Test
  void nobodyBuysWithAShareOfZero() {
    assertThat(run(simulation(0, 0), 2_000)).noneMatch(c -> c.getAction() == ClickAction.CHECKOUT);
    assertThat(ordered).isEmpty();
  }

  @Test
  void aLateClickCarriesAnEventTimeMinutesBeforeItIsSent() {
    ClickstreamSimulation simulation = simulation(0, 0.25);
    List<ClickEvent> clicks = run(simulation, 2_000);

    long late = 0;
    for (int i = 0; i < clicks.size(); i++) {
      Instant sent = START.plusMillis(i * 10L);
      Duration behind = Duration.between(clicks.get(i).getOccurredAt(), sent);
      if (!behind.isZero()) {
        late++;
        assertThat(behind).isBetween(ClickstreamSimulation.LATE_AT_LEAST,
            ClickstreamSimulation.LATE_AT_MOST);
      }
    }
    assertThat(late).isEqualTo(simulation.late()).isBetween(400L, 600L);
  }

  @Test
  void popularProductsAreViewedMoreOften() {
    Map<String, Long> views = run(simulation(0, 0), 5_000).stream()
        .filter(click -> click.getAction() == ClickAction.PRODUCT_VIEW)
        .collect(Collectors.groupingBy(ClickEvent::getSku, Collectors.counting()));

    assertThat(views.get("mug-1")).isGreaterThan(2 * views.get("globe-5"));
  }
}
