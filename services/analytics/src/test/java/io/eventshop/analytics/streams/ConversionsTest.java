package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.ProductConversions;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversionsTest {

  private static final String HOUR = "@2026-01-01T10:00:00Z";

  private AnalyticsDriver analytics;
  private TestInputTopic<String, ClickEvent> clicks;
  private TestInputTopic<String, OrderEvent> orders;
  private TestOutputTopic<String, ProductConversions> conversions;

  @BeforeEach
  void start() {
    analytics = new AnalyticsDriver();
    clicks = analytics.input(Topics.CLICKSTREAM, ClickEvent.class);
    orders = analytics.input(Topics.ORDERS, OrderEvent.class);
    conversions = analytics.output(Topics.PRODUCT_CONVERSIONS_PER_HOUR, ProductConversions.class);
  }

  @AfterEach
  void close() {
    analytics.close();
  }

  @Test
  void aViewFollowedWithinTheWindowByAnOrderOfThatProductConverts() {
    view("v1", "mug", 0);
    view("v1", "pot", 5);
    checkoutAndOrder("v1", "o1", 10, "mug", "tea");

    Map<String, ProductConversions> counted = AnalyticsDriver.latest(conversions);
    assertThat(counted).containsOnlyKeys("mug" + HOUR);
    assertThat(counted.get("mug" + HOUR).getConvertedViews()).isEqualTo(1);
  }

  @Test
  void anOrderLaterThanTheWindowAfterTheViewDoesNotConvertIt() {
    view("v1", "mug", 0);
    checkoutAndOrder("v1", "o1", 31, "mug");

    assertThat(conversions.isEmpty()).isTrue();
  }

  @Test
  void anOrderBeforeTheViewDoesNotConvertIt() {
    checkoutAndOrder("v1", "o1", 0, "mug");
    view("v1", "mug", 5);

    assertThat(conversions.isEmpty()).isTrue();
  }

  @Test
  void anotherVisitorsOrderDoesNotConvertAView() {
    view("v1", "mug", 0);
    checkoutAndOrder("v2", "o1", 10, "mug");

    assertThat(conversions.isEmpty()).isTrue();
  }

  @Test
  void aViewThatArrivesAfterItsOrderStillConvertsByEventTime() {
    checkoutAndOrder("v1", "o1", 10, "mug");
    view("v1", "mug", 2);

    assertThat(AnalyticsDriver.latest(conversions).get("mug" + HOUR).getConvertedViews())
        .isEqualTo(1);
  }

  @Test
  void aLateViewWithinTheJoinWindowAndGraceIsKeptForTheOrderThatFollows() {
    view("v9", "pot", 30);
    view("v1", "mug", 2);
    checkoutAndOrder("v1", "o1", 10, "mug");

    assertThat(AnalyticsDriver.latest(conversions).get("mug" + HOUR).getConvertedViews())
        .isEqualTo(1);
  }

  @Test
  void aViewLaterThanTheJoinWindowAndGraceIsNotKeptForTheOrderThatFollows() {
    view("v9", "pot", 60 + 45);
    view("v1", "mug", 2);
    checkoutAndOrder("v1", "o1", 10, "mug");

    assertThat(conversions.readKeyValuesToList()).isEmpty();
  }

  private void view(String visitor, String sku, int minutesAfterT0) {
    clicks.pipeInput(visitor, new ClickEvent(visitor, ClickAction.PRODUCT_VIEW, sku,
        T0.plus(Duration.ofMinutes(minutesAfterT0)), null, null, null, null));
  }

  private void checkoutAndOrder(String visitor, String orderId, int minutesAfterT0,
                                String... skus) {
    var at = T0.plus(Duration.ofMinutes(minutesAfterT0));
    clicks.pipeInput(visitor, new ClickEvent(visitor, ClickAction.CHECKOUT, null, at, orderId, null, null, null));
    List<OrderLine> lines = List.of(skus).stream()
        .map(sku -> new OrderLine(sku, 1, new BigDecimal("4.50"))).toList();
    orders.pipeInput(orderId, new OrderEvent(orderId, "c1", at.plusSeconds(1),
        new OrderPlaced(lines, new BigDecimal("4.50").multiply(BigDecimal.valueOf(skus.length)),
            null)));
  }
}
