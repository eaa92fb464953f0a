package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.CategoryActivity;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.product.Product;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryActivitiesTest {

  private static final String KITCHEN = "kitchen@2026-01-01T10:00:00Z";

  private AnalyticsDriver analytics;
  private TestInputTopic<String, ClickEvent> clicks;
  private TestInputTopic<String, Product> products;
  private TestOutputTopic<String, CategoryActivity> activity;

  @BeforeEach
  void start() {
    analytics = new AnalyticsDriver();
    clicks = analytics.input(Topics.CLICKSTREAM, ClickEvent.class);
    products = analytics.input(Topics.PRODUCTS, Product.class);
    activity = analytics.output(Topics.CATEGORY_ACTIVITY_PER_MINUTE, CategoryActivity.class);
    product("mug", "kitchen", "4.50");
    product("pot", "kitchen", "3.20");
    product("rake", "garden", "10.00");
  }

  @AfterEach
  void close() {
    analytics.close();
  }

  @Test
  void sumsViewsAndCartValuePerCategoryFromTheCatalogue() {
    click(ClickAction.PRODUCT_VIEW, "mug", 1);
    click(ClickAction.ADD_TO_CART, "mug", 2);
    click(ClickAction.ADD_TO_CART, "pot", 3);
    click(ClickAction.PRODUCT_VIEW, "rake", 4);
    click(ClickAction.PRODUCT_VIEW, "not-in-the-catalogue", 5);
    click(ClickAction.CHECKOUT, null, 6);

    Map<String, CategoryActivity> latest = AnalyticsDriver.latest(activity);
    assertThat(latest).containsOnlyKeys(KITCHEN, "garden@2026-01-01T10:00:00Z");
    assertThat(latest.get(KITCHEN).getViews()).isEqualTo(1);
    assertThat(latest.get(KITCHEN).getAddedToCart()).isEqualTo(2);
    assertThat(latest.get(KITCHEN).getCartValue()).isEqualByComparingTo("7.70");
    assertThat(latest.get(KITCHEN).getWindowEnd()).isEqualTo(T0.plusSeconds(60));
    assertThat(latest.get("garden@2026-01-01T10:00:00Z").getViews()).isEqualTo(1);
  }

  @Test
  void aClickJoinsTheProductAsTheCatalogueHadItThen() {
    click(ClickAction.ADD_TO_CART, "mug", 1);
    product("mug", "kitchen", "5.00");
    click(ClickAction.ADD_TO_CART, "mug", 2);

    assertThat(AnalyticsDriver.latest(activity).get(KITCHEN).getCartValue())
        .isEqualByComparingTo("9.50");
  }

  @Test
  void aClickLaterThanTheGracePeriodIsNotCounted() {
    click(ClickAction.PRODUCT_VIEW, "mug", 1);
    click(ClickAction.PRODUCT_VIEW, "pot", 95);
    click(ClickAction.PRODUCT_VIEW, "mug", 2);

    assertThat(AnalyticsDriver.latest(activity).get(KITCHEN).getViews()).isEqualTo(1);
  }

  private void product(String sku, String category, String price) {
    products.pipeInput(sku, new Product(sku, sku, sku, category, new BigDecimal(price), T0));
  }

  private void click(ClickAction action, String sku, int secondsAfterT0) {
    clicks.pipeInput("v1", new ClickEvent("v1", action, sku, T0.plusSeconds(secondsAfterT0),
        null, null, null, null));
  }
}
