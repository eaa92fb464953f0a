package io.eventshop.analytics.streams;

import static io.eventshop.analytics.streams.AnalyticsDriver.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.analytics.EnrichedOrderState;
import io.eventshop.contracts.customer.Address;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.product.Product;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderEnrichmentTest {

  private AnalyticsDriver analytics;
  private TestInputTopic<String, OrderEvent> orders;
  private TestInputTopic<String, Customer> customers;
  private TestInputTopic<String, Product> products;
  private TestOutputTopic<String, EnrichedOrder> enriched;

  @BeforeEach
  void start() {
    analytics = new AnalyticsDriver();
    orders = analytics.input(Topics.ORDERS, OrderEvent.class);
    customers = analytics.input(Topics.CUSTOMERS, Customer.class);
    products = analytics.input(Topics.PRODUCTS, Product.class);
    enriched = analytics.output(Topics.ORDERS_ENRICHED, EnrichedOrder.class);
    products.pipeInput("mug", new Product("mug", "Mug", "A mug", "kitchen",
        new BigDecimal("4.50"), T0));
    customers.pipeInput("c1", customer("c1", "Ada", "CH", "2500.00"));
  }

  @AfterEach
  void close() {
    analytics.close();
  }

  @Test
  void aPlacedOrderIsEnrichedWithItsCustomerAndItsProducts() {
    place("o1", "c1", "mug", "unknown-sku");

    List<EnrichedOrder> out = enriched.readValuesToList();
    assertThat(out).hasSize(1);
    EnrichedOrder order = out.get(0);
    assertThat(order.getCustomerName()).isEqualTo("Ada");
    assertThat(order.getCountry()).isEqualTo("CH");
    assertThat(order.getCustomerSegment()).isEqualTo("gold");
    assertThat(order.getState()).isEqualTo(EnrichedOrderState.PLACED);
    assertThat(order.getPlacedAt()).isEqualTo(T0);
    assertThat(order.getTotal()).isEqualByComparingTo("9.00");
    assertThat(order.getLines()).extracting(EnrichedOrderLine::getSku,
            EnrichedOrderLine::getProductName, EnrichedOrderLine::getCategory)
        .containsExactly(tuple("mug", "Mug", "kitchen"),
            tuple("unknown-sku", null, null));
  }

  @Test
  void anOrderOfAnUnknownCustomerIsStillEmittedWithTheCustomerPartEmpty() {
    place("o2", "nobody", "mug");

    EnrichedOrder order = enriched.readValue();
    assertThat(order.getOrderId()).isEqualTo("o2");
    assertThat(order.getCustomerId()).isEqualTo("nobody");
    assertThat(order.getCustomerName()).isNull();
    assertThat(order.getCountry()).isNull();
    assertThat(order.getCustomerSegment()).isNull();
    assertThat(order.getLines()).hasSize(1);
  }

  @Test
  void everyChangeOfAnOrderIsEmittedOnceWithItsLines() {
    place("o1", "c1", "mug");
    place("o1", "c1", "mug");
    event("o1", "c1", new OrderValidated());
    event("o1", "c1", new OrderValidated());
    event("o1", "c1", new OrderCancelled());
    event("o1", "c1", new OrderCancelled());

    List<EnrichedOrder> out = enriched.readValuesToList();
    assertThat(out).extracting(EnrichedOrder::getState).containsExactly(
        EnrichedOrderState.PLACED, EnrichedOrderState.VALIDATED, EnrichedOrderState.CANCELLED);
    assertThat(out).allSatisfy(order -> {
      assertThat(order.getLines()).hasSize(1);
      assertThat(order.getPlacedAt()).isEqualTo(T0);
      assertThat(order.getCustomerName()).isEqualTo("Ada");
    });
  }

  @Test
  void aRejectedOrderCannotBeValidatedAfterwards() {
    place("o1", "c1", "mug");
    event("o1", "c1", new OrderRejected(List.of(RejectionReason.OUT_OF_STOCK)));
    event("o1", "c1", new OrderValidated());

    assertThat(enriched.readValuesToList()).extracting(EnrichedOrder::getState)
        .containsExactly(EnrichedOrderState.PLACED, EnrichedOrderState.REJECTED);
  }

  @Test
  void aCustomerChangeAppliesToTheOrdersThatFollowIt() {
    place("o1", "c1", "mug");
    customers.pipeInput("c1", customer("c1", "Ada Lovelace", "GB", "50.00"));
    place("o2", "c1", "mug");

    assertThat(enriched.readValuesToList()).extracting(EnrichedOrder::getCustomerName,
            EnrichedOrder::getCountry, EnrichedOrder::getCustomerSegment)
        .containsExactly(tuple("Ada", "CH", "gold"),
            tuple("Ada Lovelace", "GB", "standard"));
  }

  private void place(String orderId, String customerId, String... skus) {
    List<OrderLine> lines = List.of(skus).stream()
        .map(sku -> new OrderLine(sku, 1, new BigDecimal("4.50"))).toList();
    event(orderId, customerId, new OrderPlaced(lines,
        new BigDecimal("4.50").multiply(BigDecimal.valueOf(skus.length)), null));
  }

  private void event(String orderId, String customerId, Object payload) {
    orders.pipeInput(orderId, new OrderEvent(orderId, customerId, T0, payload));
  }

  static Customer customer(String id, String name, String country, String creditLimit) {
    return new Customer(id, name, id + "@example.ch",
        new Address("Street 1", "8000", "Town", country), new BigDecimal(creditLimit),
        CustomerStatus.ACTIVE, T0, T0, null);
  }
}
