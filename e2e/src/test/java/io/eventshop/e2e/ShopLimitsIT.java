package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.ShopApi.Line;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The shop's own limits, as a client meets them through the gateway: the fraud rule stops a
 * customer who orders more often than it allows, and the gateway answers a burst above its rate
 * limit with 429. The shop runs with its real limits (see {@link RunningShop}).
 */
@Order(3)
class ShopLimitsIT {

  /** The customer service's {@code eventshop.customer.fraud.max-orders-per-window} (1 minute). */
  private static final int FRAUD_LIMIT_PER_MINUTE = 10;
  private static final Duration FINAL_WAIT = Duration.ofSeconds(30);
  private static RunningShop shop;
  private static ShopApi api;

  @BeforeAll
  static void startTheShop() {
    shop = RunningShop.get();
    api = ShopApi.viaGateway(shop);
  }

  @Test
  void rejectsTheOrderAboveTheFraudRulesLimitPerMinuteAsFraudSuspected() {
    String sku = OrderFlowIT.uniqueSku();
    api.createProduct(sku, "socks", "1.00");
    api.receiveStock(sku, 100);
    String customer = api.createCustomer("Frank Abagnale", "1000.00");

    List<String> orders = new ArrayList<>();
    for (int i = 0; i <= FRAUD_LIMIT_PER_MINUTE; i++) {
      orders.add(api.placeOrderId(customer, List.of(new Line(sku, 1))));
    }

    List<JsonNode> outcomes = orders.stream().map(id -> api.awaitFinal(id, FINAL_WAIT)).toList();
    assertThat(outcomes.subList(0, FRAUD_LIMIT_PER_MINUTE))
        .as("the orders within the limit")
        .allSatisfy(order -> assertThat(order.get("state").asText()).as("order %s", order)
            .isEqualTo("VALIDATED"));
    JsonNode oneTooMany = outcomes.get(FRAUD_LIMIT_PER_MINUTE);
    assertThat(oneTooMany.get("state").asText()).as("order %s", oneTooMany)
        .isEqualTo("REJECTED");
    assertThat(oneTooMany.get("reasons").toString()).contains("FRAUD_SUSPECTED");
  }

  @Test
  void answersABurstAboveTheRateLimitWithTooManyRequestsAndWhenToRetry() {
    String path = "/api/events/topics";
    GatewayBurst burst = new GatewayBurst(shop.url("gateway").orElseThrow());

    GatewayBurst.Answer refused = burst.untilRefused(path);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertThat(retryAfter).as("Retry-After in seconds").isPositive();
    assertThat(refused.header("X-Request-Id")).isNotBlank();
    JsonNode problem = refused.body();
    assertThat(problem.get("status").asInt()).isEqualTo(429);
    assertThat(problem.get("type").asText()).endsWith("/rate-limited");
    assertThat(problem.get("title").asText()).isEqualTo("Too Many Requests");
    assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    // the client that waits as told is served again (and the later tests find a full bucket)
    await("the gateway serves the client again after Retry-After")
        .pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 30))
        .until(() -> burst.one(path).status() == 200);
  }
}
