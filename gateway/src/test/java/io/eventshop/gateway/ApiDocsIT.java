package io.eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API docs through the gateway: Swagger UI lists the OpenAPI document of every configured
 * service, of the schema registry and of the gateway itself, and a service's document is served
 * with the gateway as the place its operations are called (and the gateway's own answers).
 */
class ApiDocsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ORDER_DOC = """
      {"openapi":"3.1.0","info":{"title":"Order API","version":"1"},
       "servers":[{"url":"http://127.0.0.1:8140","description":"Generated server url"}],
       "paths":{"/api/orders/{id}":{"get":{"summary":"An order","responses":{
         "200":{"description":"The order"},"503":{"description":"The service's own 503"}}}}}}""";

  private static StandInService order;
  private static StandInService invoice;
  private static StandInService registry;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    order = new StandInService("order").serve("/v3/api-docs", 200, ORDER_DOC);
    invoice = new StandInService("invoice");
    registry = new StandInService("schema-registry");
    gateway = new RunningGateway(
        "--eventshop.gateway.services.order=" + order.url(),
        "--eventshop.gateway.services.invoice=" + invoice.url(),
        "--eventshop.schema-registry.url=" + registry.url());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    Stream.of(order, invoice, registry).forEach(StandInService::close);
  }

  @Test
  void swaggerUiListsTheDocumentOfEveryServiceTheRegistryAndTheGateway() throws Exception {
    Map<String, String> listed = swaggerUrls();

    // the defaults of application.yml plus the one configured here
    assertThat(listed).containsEntry("product", "/api-docs/product")
        .containsEntry("customer", "/api-docs/customer")
        .containsEntry("stock", "/api-docs/stock")
        .containsEntry("order", "/api-docs/order")
        .containsEntry("analytics", "/api-docs/analytics")
        .containsEntry("search", "/api-docs/search")
        .containsEntry("sql", "/api-docs/sql")
        .containsEntry("lake", "/api-docs/lake")
        .containsEntry("invoice", "/api-docs/invoice")
        .containsEntry("schema-registry", "/api-docs/schema-registry")
        .containsEntry("gateway", "/v3/api-docs")
        .hasSize(11);
    HttpResponse<String> ui = gateway.get("/swagger-ui.html");
    assertThat(ui.statusCode()).isEqualTo(302);
    String page = ui.headers().firstValue("Location").orElseThrow();
    assertThat(gateway.get(page).body()).contains("swagger-ui");
  }

  @Test
  void servesAServicesDocumentWithTheGatewayAsItsServerAndTheGatewaysOwnAnswers()
      throws Exception {
    JsonNode doc = json(gateway.get("/api-docs/order"));

    assertThat(doc.path("info").path("title").asText()).isEqualTo("Order API");
    assertThat(doc.path("servers")).hasSize(1);
    assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo("/");
    JsonNode responses = doc.at("/paths/~1api~1orders~1{id}/get/responses");
    assertThat(responses.path("429").path("description").asText()).contains("rate limit");
    assertThat(responses.path("429").path("content").has("application/problem+json")).isTrue();
    assertThat(responses.path("503").path("description").asText())
        .as("a status the service documents itself").isEqualTo("The service's own 503");
    assertThat(order.requestTo("/v3/api-docs")).isNotNull();
  }

  @Test
  void servesTheRegistrysDocumentWithTheRegistryAsItsServer() throws Exception {
    JsonNode doc = json(gateway.get("/api-docs/schema-registry"));

    assertThat(doc.path("service").asText()).isEqualTo("schema-registry");
    assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo(registry.url());
  }

  @Test
  void documentsTheGatewaysOwnOperations() throws Exception {
    JsonNode doc = json(gateway.get("/v3/api-docs"));

    assertThat(doc.path("info").path("title").asText()).isEqualTo("Gateway API");
    assertThat(doc.path("paths").has("/api/events")).isTrue();
  }

  private static Map<String, String> swaggerUrls() throws Exception {
    Map<String, String> urls = new LinkedHashMap<>();
    json(gateway.get("/v3/api-docs/swagger-config")).path("urls").forEach(url ->
        urls.put(url.path("name").asText(), url.path("url").asText()));
    return urls;
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("%s: %s", response.uri(), response.body())
        .isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
