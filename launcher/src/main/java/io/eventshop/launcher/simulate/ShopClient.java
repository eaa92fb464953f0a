package io.eventshop.launcher.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What a simulated visitor does through the gateway, as a person in the shop would: read the
 * catalogue, register, order. Orders go asynchronously, so that the clicks keep their pace.
 */
final class ShopClient {

  /** A product of the catalogue as far as a visitor cares. */
  record Product(String sku, BigDecimal price) {
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI gateway;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  ShopClient(URI gateway) {
    this.gateway = gateway;
  }

  /** The first page of the catalogue (at most 100 products: enough to browse). */
  List<Product> products() {
    JsonNode page = send(get("/api/products?page=0&size=100")).join();
    List<Product> products = new ArrayList<>();
    page.path("items").forEach(item -> products.add(new Product(item.path("sku").asText(),
        new BigDecimal(item.path("price").asText("0")))));
    return products;
  }

  /** Registers a customer for a visitor who is going to buy; completes with the customer id. */
  CompletableFuture<String> register(String visitorId) {
    return send(post("/api/customers", Map.of(
        "name", "Visitor " + visitorId.substring(0, 8),
        "email", "visitor-" + visitorId + "@example.com",
        "address", Map.of("street", "Marktgasse 1", "zip", "3011", "city", "Bern",
            "country", "CH"),
        "creditLimit", 5_000), null))
        .thenApply(body -> body.path("id").asText());
  }

  /** Places an order of {@code quantity} × {@code sku}; completes with the order id. */
  CompletableFuture<String> order(String customerId, String sku, int quantity) {
    return send(post("/api/orders", Map.of("customerId", customerId,
        "lines", List.of(Map.of("sku", sku, "quantity", quantity))),
        UUID.randomUUID().toString()))
        .thenApply(body -> body.path("id").asText());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT).GET();
  }

  private HttpRequest.Builder post(String path, Object body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request;
  }

  private CompletableFuture<JsonNode> send(HttpRequest.Builder request) {
    HttpRequest built = request.header("Accept", "application/json").build();
    return http.sendAsync(built, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(built.method() + " " + built.uri().getPath()
            + " answered " + response.statusCode() + ": " + response.body());
      }
      try {
        return Json.MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static String json(Object body) {
    try {
      return Json.MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
