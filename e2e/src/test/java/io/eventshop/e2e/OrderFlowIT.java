package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.bench.load.ShopApi.Reply;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shopper's journey through the gateway, against the whole running system. */
@org.junit.jupiter.api.Order(1)
class OrderFlowIT {

  private static final Duration FINAL_WAIT = Duration.ofSeconds(20);
  private static ShopApi api;

  @BeforeAll
  static void startTheShop() {
    RunningShop shop = RunningShop.get();
    api = shop.url("gateway").isPresent() ? ShopApi.viaGateway(shop) : ShopApi.direct(shop);
  }

  @Test
  void validatesAnOrderThatIsInStockAndWithinTheCreditLimit() {
    String sku = uniqueSku();
    api.createProduct(sku, "coffee", "12.50");
    api.receiveStock(sku, 10);
    String customer = api.createCustomer("Ada Lovelace", "1000.00");

    String orderId = api.placeOrderId(customer, List.of(new Line(sku, 2)));
    JsonNode order = api.awaitFinal(orderId, FINAL_WAIT);

    assertThat(order.get("state").asText()).as("order %s", order).isEqualTo("VALIDATED");
    assertThat(order.get("total").decimalValue()).isEqualByComparingTo("25.00");
    assertThat(api.stock(sku).get("reserved").asLong()).isEqualTo(2);
    assertThat(api.stock(sku).get("available").asLong()).isEqualTo(8);
  }

  @Test
  void rejectsAnOrderOverTheCreditLimitWithThatReason() {
    String sku = uniqueSku();
    api.createProduct(sku, "espresso machines", "400.00");
    api.receiveStock(sku, 10);
    String customer = api.createCustomer("Grace Hopper", "500.00");

    String orderId = api.placeOrderId(customer, List.of(new Line(sku, 2)));
    JsonNode order = api.awaitFinal(orderId, FINAL_WAIT);

    assertThat(order.get("state").asText()).as("order %s", order).isEqualTo("REJECTED");
    assertThat(order.get("reasons").toString()).contains("CREDIT_LIMIT_EXCEEDED");
    org.awaitility.Awaitility.await("the reservation of a rejected order is released")
        .atMost(FINAL_WAIT)
        .until(() -> api.stock(sku).get("reserved").asLong() == 0);
  }

  @Test
  void rejectsAnOrderForMoreThanIsInStock() {
    String sku = uniqueSku();
    api.createProduct(sku, "tea", "3.20");
    api.receiveStock(sku, 1);
    String customer = api.createCustomer("Alan Turing", "1000.00");

    String orderId = api.placeOrderId(customer, List.of(new Line(sku, 5)));
    JsonNode order = api.awaitFinal(orderId, FINAL_WAIT);

    assertThat(order.get("state").asText()).as("order %s", order).isEqualTo("REJECTED");
    assertThat(order.get("reasons").toString()).contains("OUT_OF_STOCK");
  }

  @Test
  void cancellingAValidatedOrderGivesTheStockBack() {
    String sku = uniqueSku();
    api.createProduct(sku, "mugs", "9.00");
    api.receiveStock(sku, 4);
    String customer = api.createCustomer("Barbara Liskov", "1000.00");
    String orderId = api.placeOrderId(customer, List.of(new Line(sku, 3)));
    JsonNode order = api.awaitFinal(orderId, FINAL_WAIT);
    assertThat(order.get("state").asText()).as("order %s", order).isEqualTo("VALIDATED");

    assertThat(api.cancel(orderId).status()).isBetween(200, 299);

    org.awaitility.Awaitility.await().atMost(FINAL_WAIT)
        .until(() -> api.stock(sku).get("available").asLong() == 4);
    assertThat(api.getOrder(orderId).body().get("state").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void refusesAnOrderForAnUnknownProductBeforeWritingAnything() {
    String customer = api.createCustomer("Edsger Dijkstra", "100.00");
    Reply reply = api.placeOrder(customer, List.of(new Line("NO-SUCH-" + suffix(), 1)));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.body().toString()).contains("NO-SUCH-");
  }

  static String uniqueSku() {
    return "E2E-" + suffix();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }
}
