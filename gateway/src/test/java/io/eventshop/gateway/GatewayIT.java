package io.eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.testing.SharedKafka;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway in front of real HTTP servers standing in for the services: routing, load
 * balancing, request ids, a stopped service, CORS and server-sent events.
 */
class GatewayIT {

  private static StandInService product;
  private static StandInService secondProduct;
  private static StandInService customer;
  private static StandInService order;
  private static RunningGateway gateway;
  private static int closedPort;

  @BeforeAll
  static void start() throws Exception {
    product = new StandInService("product");
    secondProduct = new StandInService("product-2");
    customer = new StandInService("customer");
    order = new StandInService("order");
    closedPort = SharedKafka.freePort();
    gateway = new RunningGateway(
        "--eventshop.gateway.services.product=" + product.url() + "," + secondProduct.url(),
        "--eventshop.gateway.services.customer=" + customer.url(),
        "--eventshop.gateway.services.order=" + order.url(),
        "--eventshop.gateway.services.stock=http://127.0.0.1:" + closedPort,
        // not the defaults (8160, 8170, 8180), where another run's services may listen
        "--eventshop.gateway.services.search=http://127.0.0.1:" + closedPort,
        "--eventshop.gateway.services.sql=http://127.0.0.1:" + closedPort,
        "--eventshop.gateway.services.lake=http://127.0.0.1:" + closedPort,
        "--eventshop.gateway.links.legacy-crm=http://127.0.0.1:8190");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    Stream.of(product, secondProduct, customer, order).forEach(StandInService::close);
  }

  @Test
  void tellsTheAdminPageTheApplicationsBesideTheShop() throws Exception {
    HttpResponse<String> links = gateway.get("/api/admin/links");

    assertThat(links.statusCode()).isEqualTo(200);
    assertThat(links.body()).isEqualTo("[{\"name\":\"legacy-crm\","
        + "\"url\":\"http://127.0.0.1:8190\"}]");
  }

  @Test
  void routesEachPathToTheServiceThatOwnsIt() throws Exception {
    assertThat(gateway.get("/api/customers/c-1").body()).contains("\"service\":\"customer\"");
    assertThat(gateway.get("/api/customers").body()).contains("\"service\":\"customer\"");
    assertThat(gateway.get("/api/orders/o-1").body()).contains("\"service\":\"order\"");
    assertThat(gateway.get("/api/products").body()).contains("\"service\":\"product");
    // not running here: the gateway's 503 names the service the route leads to
    assertThat(gateway.get("/api/search?q=mug").body()).contains("\"service\":\"search\"");
    assertThat(gateway.get("/api/search/suggest?q=mu").body())
        .contains("\"service\":\"search\"");
    assertThat(gateway.get("/api/sql/info").body()).contains("\"service\":\"sql\"");
    assertThat(gateway.get("/api/lake/query").body()).contains("\"service\":\"lake\"");
    assertThat(customer.requestTo("/api/customers/c-1")).isNotNull();
    assertThat(order.requestTo("/api/orders/o-1")).isNotNull();
  }

  @Test
  void servesTheDashboardsChartLibraryFromItsWebJarWithoutAVersionInThePath() throws Exception {
    HttpResponse<String> script = gateway.get("/webjars/uplot/dist/uPlot.iife.min.js");
    HttpResponse<String> page = gateway.get("/");

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("uPlot");
    assertThat(page.body()).contains("/webjars/uplot/dist/uPlot.iife.min.js", "#/dashboard");
  }

  @Test
  void sendsTheOrdersOfACustomerToTheOrderService() throws Exception {
    HttpResponse<String> response = gateway.get("/api/customers/c-42/orders");

    assertThat(response.body()).contains("\"service\":\"order\"");
    assertThat(order.requestTo("/api/customers/c-42/orders")).isNotNull();
  }

  @Test
  void balancesBetweenTheInstancesOfAService() throws Exception {
    Set<String> answeredBy = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      String body = gateway.get("/api/products/sku-" + i).body();
      answeredBy.add(body.replaceAll(".*\"service\":\"([^\"]+)\".*", "$1"));
    }

    assertThat(answeredBy).containsExactlyInAnyOrder("product", "product-2");
  }

  @Test
  void givesARequestAnIdThatTheServiceSeesAndTheClientGetsBack() throws Exception {
    HttpResponse<String> response = gateway.get("/api/customers/c-7");

    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(requestId).isNotBlank();
    assertThat(customer.requestTo("/api/customers/c-7").headers().getFirst("X-Request-Id"))
        .isEqualTo(requestId);
  }

  @Test
  void keepsTheRequestIdTheClientSent() throws Exception {
    HttpResponse<String> response = gateway.get("/api/customers/c-8",
        "X-Request-Id", "trace-me-123");

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-me-123");
    assertThat(customer.requestTo("/api/customers/c-8").headers().getFirst("X-Request-Id"))
        .isEqualTo("trace-me-123");
  }

  @Test
  void answersProblemJsonNamingTheServiceWhenItIsDown() throws Exception {
    HttpResponse<String> response = gateway.get("/api/stock/sku-1");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":503", "\"service\":\"stock\"", "The stock service is not available")
        .doesNotContain("Exception", "at io.", "at org.");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void allowsTheUiOriginToCallTheApi() throws Exception {
    HttpResponse<String> preflight = gateway.http().send(HttpRequest
        .newBuilder(gateway.uri("/api/orders"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:8080")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "Idempotency-Key, Prefer")
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> foreign = gateway.get("/api/customers/c-9",
        "Origin", "http://evil.example");

    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("Idempotency-Key").containsIgnoringCase("Prefer");
    assertThat(foreign.statusCode()).isEqualTo(403);
  }

  @Test
  void passesServerSentEventsThroughOneByOne() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    gateway.http().sendAsync(
        HttpRequest.newBuilder(gateway.uri("/api/orders/stream?customerId=c-1")).header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));

    // The first event must arrive while the service still holds the second one back.
    assertThat(nextData(lines)).contains("PLACED");
    order.releaseSecondEvent();
    assertThat(nextData(lines)).contains("VALIDATED");
  }

  private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith("data:")) {
        return line;
      }
    }
    return "no event within 5 s";
  }
}
