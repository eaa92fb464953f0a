package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.ShopApi.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The API documentation as a developer finds it: the gateway's Swagger UI lists every service,
 * and each service's OpenAPI document (fetched through the gateway) says what the API is for and
 * what each operation does, with the problem answers it can give.
 */
@Order(2)
class ApiDocsIT {

  /** What Swagger UI lists: the services of the run, the schema registry and the gateway. */
  private static final Set<String> DOCUMENTED = Set.of("product", "customer", "stock", "order",
      "analytics", "search", "sql", "lake", "schema-registry", "gateway");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final String VERSION = System.getProperty("eventshop.version", "");
  private static ShopApi api;

  @BeforeAll
  static void startTheShop() {
    api = ShopApi.viaGateway(RunningShop.get());
  }

  @Test
  void swaggerUiListsTheDocumentOfEveryService() {
    Map<String, String> urls = swaggerUrls();

    assertThat(urls.keySet()).containsExactlyInAnyOrderElementsOf(DOCUMENTED);
    assertThat(api.get("/swagger-ui.html").status()).as("Swagger UI").isBetween(200, 399);
  }

  @Test
  void everyServiceSaysWhatItsApiIsForAndEveryOperationHasASummary() {
    swaggerUrls().forEach((service, url) -> {
      JsonNode doc = document(url);
      JsonNode info = doc.path("info");
      assertThat(info.path("title").asText()).as("title of %s", service)
          .endsWith(" API").doesNotContain("OpenAPI definition");
      assertThat(info.path("description").asText()).as("description of %s", service)
          .hasSizeGreaterThan(20);
      assertThat(info.path("version").asText()).as("version of %s", service).isEqualTo(VERSION);
      assertThat(operations(doc)).as("operations of %s", service).isNotEmpty()
          .allSatisfy(operation -> {
            assertThat(operation.summary()).as("summary of %s", operation).isNotBlank();
            assertThat(operation.node().path("tags")).as("tags of %s", operation).isNotEmpty();
          });
    });
  }

  @Test
  void theShopsOperationsDocumentTheirProblemAnswers() {
    for (String service : List.of("product", "customer", "stock", "order", "analytics",
        "search", "sql", "lake")) {
      JsonNode doc = document(swaggerUrls().get(service));
      assertThat(operations(doc)).as("operations of %s", service).allSatisfy(operation ->
          assertThat(problemStatuses(operation.node())).as("problem answers of %s", operation)
              .isNotEmpty());
    }
  }

  private static Map<String, String> swaggerUrls() {
    Reply config = api.get("/v3/api-docs/swagger-config");
    assertThat(config.status()).as("Swagger UI's configuration").isEqualTo(200);
    Map<String, String> urls = new java.util.LinkedHashMap<>();
    config.body().path("urls").forEach(url ->
        urls.put(url.path("name").asText(), url.path("url").asText()));
    return urls;
  }

  private static JsonNode document(String url) {
    Reply doc = api.get(url);
    assertThat(doc.status()).as("GET %s", url).isEqualTo(200);
    return doc.body();
  }

  private record Operation(String method, String path, JsonNode node) {

    String summary() {
      return node.path("summary").asText();
    }

    @Override
    public String toString() {
      return method.toUpperCase() + " " + path;
    }
  }

  private static List<Operation> operations(JsonNode doc) {
    List<Operation> operations = new ArrayList<>();
    doc.path("paths").properties().forEach(path -> path.getValue().properties().stream()
        .filter(method -> METHODS.contains(method.getKey()))
        .forEach(method -> operations.add(
            new Operation(method.getKey(), path.getKey(), method.getValue()))));
    return operations;
  }

  /** The 4xx/5xx answers documented as {@code application/problem+json}. */
  private static List<String> problemStatuses(JsonNode operation) {
    List<String> statuses = new ArrayList<>();
    operation.path("responses").properties().forEach(response -> {
      if (response.getKey().matches("[45]\\d\\d")
          && response.getValue().path("content").has("application/problem+json")) {
        statuses.add(response.getKey());
      }
    });
    return statuses;
  }
}
