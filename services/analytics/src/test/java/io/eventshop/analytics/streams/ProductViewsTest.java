package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.ProductViewCount;
import io.eventshop.contracts.analytics.TrendingProducts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProductViewsTest {

  private AnalyticsDriver analytics;
  private TestInputTopic<String, ClickEvent> clicks;
  private TestOutputTopic<String, ProductViewCount> perMinute;
  private TestOutputTopic<String, TrendingProducts> trending;

  private void start(AnalyticsSettings settings) {
    analytics = new AnalyticsDriver(settings);
    clicks = analytics.input(Topics.CLICKSTREAM, ClickEvent.class);
    perMinute = analytics.output(Topics.PRODUCT_VIEWS_PER_MINUTE, ProductViewCount.class);
    trending = analytics.output(Topics.TRENDING_PRODUCTS, TrendingProducts.class);
  }

  @AfterEach
  void close() {
    if (analytics != null) {
      analytics.close();
    }
  }

  @Test
  void publishesTheViewsOfEachProductPerMinuteOnlyOnceTheWindowHasClosed() {
    start(AnalyticsDriver.settings());
    view("v1", "mug", 5);
    view("v2", "mug", 20);
    view("v1", "tea", 30);
    view("v3", "mug", 80);

    assertThat(perMinute.isEmpty()).as("a minute is published after its grace period").isTrue();

    view("v1", "tea", 60 + 31);

    Map<String, ProductViewCount> published = AnalyticsDriver.latest(perMinute);
    assertThat(published).containsOnlyKeys("mug@2026-01-01T10:00:00Z", "tea@2026-01-01T10:00:00Z");
    assertThat(published.get("mug@2026-01-01T10:00:00Z").getViews()).isEqualTo(2);
    assertThat(published.get("tea@2026-01-01T10:00:00Z").getViews()).isEqualTo(1);
    assertThat(published.get("mug@2026-01-01T10:00:00Z").getWindowEnd())
        .isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void aViewArrivingLateButWithinTheGracePeriodCountsInItsMinute() {
    start(AnalyticsDriver.settings());
    view("v1", "mug", 10);
    view("v1", "tea", 60 + 10);
    view("v2", "mug", 50);
    view("v1", "tea", 60 + 31);

    assertThat(AnalyticsDriver.latest(perMinute).get("mug@2026-01-01T10:00:00Z").getViews())
        .isEqualTo(2);
  }

  @Test
  void aViewLaterThanTheGracePeriodIsNotCounted() {
    start(AnalyticsDriver.settings());
    view("v1", "mug", 10);
    view("v1", "tea", 60 + 31);
    assertThat(AnalyticsDriver.latest(perMinute).get("mug@2026-01-01T10:00:00Z").getViews())
        .isEqualTo(1);

    view("v2", "mug", 50);

    assertThat(storedViews("mug", 0)).isEqualTo(1);
    view("v1", "tea", 3 * 60);
    assertThat(AnalyticsDriver.latest(perMinute)).doesNotContainKey("mug@2026-01-01T10:00:00Z");
  }

  @Test
  void outOfOrderViewsCountInTheMinuteTheyHappened() {
    start(AnalyticsDriver.settings());
    view("v1", "mug", 70);
    view("v2", "mug", 40);
    view("v3", "mug", 65);
    view("v1", "tea", 2 * 60 + 31);

    Map<String, ProductViewCount> published = AnalyticsDriver.latest(perMinute);
    assertThat(published.get("mug@2026-01-01T10:00:00Z").getViews()).isEqualTo(1);
    assertThat(published.get("mug@2026-01-01T10:01:00Z").getViews()).isEqualTo(2);
  }

  @Test
  void clicksThatAreNoProductViewsAreNotCounted() {
    start(AnalyticsDriver.settings());
    clicks.pipeInput("v1", new ClickEvent("v1", ClickAction.ADD_TO_CART, "mug", T0, null, null, null, null));
    clicks.pipeInput("v1", new ClickEvent("v1", ClickAction.PRODUCT_VIEW, null, T0, null, null, null, null));
    view("v1", "tea", 60 + 31);

    assertThat(AnalyticsDriver.latest(perMinute)).isEmpty();
  }

  @Test
  void trendingListsTheMostViewedProductsOfEachHoppingWindowMostViewedFirst() {
    AnalyticsSettings settings = AnalyticsDriver.settings();
    start(new AnalyticsSettings(settings.grace(), settings.trendingWindow(),
        settings.trendingAdvance(), 2, settings.sessionGap(), settings.conversionWindow(),
        settings.revenueGrace(), null, 3, settings.forwardTimeout()));
    view("v1", "mug", 10);
    view("v2", "mug", 20);
    view("v1", "tea", 30);
    view("v3", "pot", 9 * 60);
    view("v4", "pot", 9 * 60 + 1);
    view("v5", "pot", 9 * 60 + 2);

    Map<String, TrendingProducts> windows = AnalyticsDriver.latest(trending);
    // the window 09:51-10:01 holds the first three views only; 10:00-10:10 holds all six
    assertThat(products(windows.get(Long.toString(T0.minus(Duration.ofMinutes(9)).toEpochMilli()))))
        .containsExactly("mug=2", "tea=1");
    assertThat(products(windows.get(Long.toString(T0.toEpochMilli()))))
        .containsExactly("pot=3", "mug=2");
    assertThat(products(windows.get(Long.toString(T0.plus(Duration.ofMinutes(9)).toEpochMilli()))))
        .containsExactly("pot=3");
    WindowStore<String, TrendingProducts> store =
        analytics.driver.getWindowStore(ProductViews.TRENDING_STORE);
    assertThat(products(store.fetch(Long.toString(T0.toEpochMilli()), T0.toEpochMilli())))
        .containsExactly("pot=3", "mug=2");
  }

  @Test
  void theCurrentTrendingWindowIsTheEarliestStillOpen() {
    assertThat(ProductViews.trendingWindowStartAt(Instant.parse("2026-01-01T10:05:30Z"),
        Duration.ofMinutes(10), Duration.ofMinutes(1)))
        .isEqualTo(Instant.parse("2026-01-01T09:56:00Z"));
    assertThat(ProductViews.trendingWindowStartAt(Instant.parse("2026-01-01T10:06:00Z"),
        Duration.ofMinutes(10), Duration.ofMinutes(1)))
        .isEqualTo(Instant.parse("2026-01-01T09:57:00Z"));
  }

  private static List<String> products(TrendingProducts window) {
    return window.getProducts().stream().map(p -> p.getSku() + "=" + p.getViews()).toList();
  }

  private void view(String visitor, String sku, int secondsAfterT0) {
    clicks.pipeInput(visitor, new ClickEvent(visitor, ClickAction.PRODUCT_VIEW, sku,
        T0.plusSeconds(secondsAfterT0), null, null, null, null));
  }

  private long storedViews(String sku, int minute) {
    WindowStore<String, Long> store = analytics.driver.getWindowStore(ProductViews.PER_MINUTE_STORE);
    Instant start = T0.plus(Duration.ofMinutes(minute));
    return store.fetch(sku, start.toEpochMilli());
  }
}
