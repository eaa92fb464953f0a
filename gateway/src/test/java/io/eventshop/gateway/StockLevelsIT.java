package io.eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.testing.SharedKafka;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/stock?sku=…}: the stock levels of a page of products in one request, those
 * without a level left out rather than answered 404.
 */
class StockLevelsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static StandInService stock;
  private static RunningGateway gateway;
  private static RunningGateway gatewayWithoutStock;

  @BeforeAll
  static void start() throws Exception {
    stock = new StandInService("stock")
        .serve("/api/stock/KETTLE", 200,
            "{\"sku\":\"KETTLE\",\"onHand\":10,\"reserved\":2,\"available\":8}")
        .serve("/api/stock/LAMP", 200,
            "{\"sku\":\"LAMP\",\"onHand\":1,\"reserved\":0,\"available\":1}")
        .serve("/api/stock/VASE", 404, "{\"status\":404,\"detail\":\"stock VASE not found\"}");
    gateway = new RunningGateway("--eventshop.gateway.services.stock=" + stock.url());
    gatewayWithoutStock = new RunningGateway(
        "--eventshop.gateway.services.stock=http://127.0.0.1:" + SharedKafka.freePort());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    gatewayWithoutStock.close();
    stock.close();
  }

  @Test
  void answersTheLevelsKnownInTheOrderAskedAndLeavesOutAProductWithoutStock() throws Exception {
    HttpResponse<String> response = gateway.get("/api/stock?sku=LAMP&sku=VASE&sku=KETTLE",
        "X-Request-Id", "page-view-1");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode levels = JSON.readTree(response.body());
    assertThat(levels.findValuesAsString("sku")).containsExactly("LAMP", "KETTLE");
    assertThat(levels.path(1).path("onHand").asLong()).isEqualTo(10);
    assertThat(levels.path(1).path("reserved").asLong()).isEqualTo(2);
    assertThat(levels.path(1).path("available").asLong()).isEqualTo(8);
    assertThat(stock.requestTo("/api/stock/VASE").headers().getFirst("X-Request-Id"))
        .isEqualTo("page-view-1");
  }

  @Test
  void stillRoutesOneProductsLevelToTheStockService() throws Exception {
    assertThat(gateway.get("/api/stock/KETTLE").body()).contains("\"available\":8");
    assertThat(gateway.get("/api/stock/VASE").statusCode()).isEqualTo(404);
  }

  @Test
  void refusesWhatIsNotASkuWithAProblem() throws Exception {
    HttpResponse<String> response = gateway.get("/api/stock?sku=KETTLE&sku=..%2Fadmin");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(response.body()).contains("invalid-input", "\"field\":\"sku\"");
  }

  @Test
  void answersProblemJsonNamingTheStockServiceWhenItIsDown() throws Exception {
    HttpResponse<String> response = gatewayWithoutStock.get("/api/stock?sku=KETTLE");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(response.body()).contains("\"service\":\"stock\"", "service-unavailable");
  }
}
