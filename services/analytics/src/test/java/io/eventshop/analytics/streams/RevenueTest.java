package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.CountryCategoryRevenue;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.analytics.EnrichedOrderState;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.product.Product;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RevenueTest {

  private static final String CH_KITCHEN = "CH/kitchen@2026-01-01T10:00:00Z";

  private AnalyticsDriver analytics;
  private TestInputTopic<String, EnrichedOrder> enriched;
  private TestOutputTopic<String, CountryCategoryRevenue> revenue;

  @BeforeEach
  void start() {
    analytics = new AnalyticsDriver();
    enriched = analytics.input(Topics.ORDERS_ENRICHED, EnrichedOrder.class);
    revenue = analytics.output(Topics.REVENUE_PER_MINUTE, CountryCategoryRevenue.class);
  }

  @AfterEach
  void close() {
    analytics.close();
  }

  @Test
  void countsValidatedOrdersPerCountryAndCategoryAndNotPlacedOrRejectedOnes() {
    order("o1", "CH", EnrichedOrderState.PLACED, 5, line("mug", "kitchen", 2, "4.50"));
    order("o1", "CH", EnrichedOrderState.VALIDATED, 5, line("mug", "kitchen", 2, "4.50"));
    order("o2", "CH", EnrichedOrderState.PLACED, 10, line("pot", "kitchen", 1, "3.20"),
        line("rake", "garden", 1, "10.00"));
    order("o2", "CH", EnrichedOrderState.VALIDATED, 10, line("pot", "kitchen", 1, "3.20"),
        line("rake", "garden", 1, "10.00"));
    order("o3", "DE", EnrichedOrderState.PLACED, 20, line("mug", "kitchen", 5, "4.50"));
    order("o3", "DE", EnrichedOrderState.REJECTED, 20, line("mug", "kitchen", 5, "4.50"));
    order("o4", null, EnrichedOrderState.VALIDATED, 30, line("x", null, 1, "1.00"));

    Map<String, CountryCategoryRevenue> latest = AnalyticsDriver.latest(revenue);
    assertThat(latest).containsOnlyKeys(CH_KITCHEN, "CH/garden@2026-01-01T10:00:00Z",
        "?/?@2026-01-01T10:00:00Z");
    assertThat(latest.get(CH_KITCHEN).getRevenue()).isEqualByComparingTo("12.20");
    assertThat(latest.get(CH_KITCHEN).getLines()).isEqualTo(2);
    assertThat(latest.get("CH/garden@2026-01-01T10:00:00Z").getRevenue())
        .isEqualByComparingTo("10.00");
  }

  @Test
  void aCancellationTakesTheOrderOffTheMinuteItWasPlacedIn() {
    order("o1", "CH", EnrichedOrderState.VALIDATED, 5, line("mug", "kitchen", 2, "4.50"));
    order("o2", "CH", EnrichedOrderState.VALIDATED, 10, line("mug", "kitchen", 1, "4.50"));
    order("o9", "CH", EnrichedOrderState.VALIDATED, 30 * 60, line("mug", "kitchen", 1, "4.50"));

    order("o1", "CH", EnrichedOrderState.CANCELLED, 5, line("mug", "kitchen", 2, "4.50"));

    CountryCategoryRevenue minute = AnalyticsDriver.latest(revenue).get(CH_KITCHEN);
    assertThat(minute.getRevenue()).isEqualByComparingTo("4.50");
    assertThat(minute.getLines()).isEqualTo(1);
  }

  @Test
  void aCancellationLaterThanTheRevenueGraceChangesNothing() {
    order("o1", "CH", EnrichedOrderState.VALIDATED, 5, line("mug", "kitchen", 2, "4.50"));
    order("o9", "CH", EnrichedOrderState.VALIDATED, 2 * 3600, line("mug", "kitchen", 1, "4.50"));
    revenue.readRecordsToList();

    order("o1", "CH", EnrichedOrderState.CANCELLED, 5, line("mug", "kitchen", 2, "4.50"));

    assertThat(revenue.isEmpty()).isTrue();
  }

  @Test
  void aValidatedOrderFlowsFromOrdersThroughTheEnrichmentIntoTheRevenue() {
    analytics.input(Topics.PRODUCTS, Product.class).pipeInput("mug", new Product("mug", "Mug",
        "A mug", "kitchen", new BigDecimal("4.50"), T0));
    analytics.input(Topics.CUSTOMERS, Customer.class).pipeInput("c1",
        OrderEnrichmentTest.customer("c1", "Ada", "CH", "100.00"));
    TestInputTopic<String, OrderEvent> orders = analytics.input(Topics.ORDERS, OrderEvent.class);
    orders.pipeInput("o1", new OrderEvent("o1", "c1", T0, new OrderPlaced(
        List.of(new OrderLine("mug", 3, new BigDecimal("4.50"))), new BigDecimal("13.50"),
        null)));
    orders.pipeInput("o1", new OrderEvent("o1", "c1", T0.plus(Duration.ofMinutes(3)),
        new OrderValidated()));

    assertThat(AnalyticsDriver.latest(revenue).get(CH_KITCHEN).getRevenue())
        .isEqualByComparingTo("13.50");
  }

  private static EnrichedOrderLine line(String sku, String category, int quantity,
                                        String price) {
    return new EnrichedOrderLine(sku, quantity, new BigDecimal(price), sku, category);
  }

  private void order(String orderId, String country, EnrichedOrderState state,
                     int placedSecondsAfterT0, EnrichedOrderLine... lines) {
    Instant placedAt = T0.plusSeconds(placedSecondsAfterT0);
    BigDecimal total = List.of(lines).stream()
        .map(l -> l.getUnitPrice().multiply(BigDecimal.valueOf(l.getQuantity())))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    enriched.pipeInput(orderId, EnrichedOrder.newBuilder().setOrderId(orderId)
        .setCustomerId("c-" + orderId).setCountry(country).setTotal(total)
        .setPlacedAt(placedAt).setState(state).setLines(List.of(lines)).build());
  }
}
