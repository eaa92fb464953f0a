package io.eventshop.bench.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The shop's public REST API as the benchmark drives it, asynchronous throughout
 * ({@code java.net.http} {@code sendAsync}): no thread waits for an answer, so thousands of orders
 * can be in flight from a few threads. Every call goes through the gateway, or with
 * {@code direct} to the service owning the path. The end-to-end tests use it through their
 * synchronous {@code io.eventshop.e2e.ShopApi}.
 */
public final class ShopApi {

  /** One line of an order. */
  public record Line(String sku, int quantity) {
  }

  /** An HTTP answer: status and parsed JSON body (null when empty or not JSON). */
  public record Reply(int status, JsonNode body) {

    boolean is2xx() {
      return status / 100 == 2;
    }

    String text(String field) {
      return body == null ? null : body.path(field).asText(null);
    }
  }

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final ShopEndpoints endpoints;
  private final boolean direct;

  public ShopApi(ShopEndpoints endpoints, boolean direct) {
    this.endpoints = endpoints;
    this.direct = direct;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  public CompletableFuture<Reply> createProduct(String sku, BigDecimal price) {
    return createProduct(sku, "Bench product " + sku, "seeded by the benchmark", "bench", price);
  }

  public CompletableFuture<Reply> createProduct(String sku, String name, String description,
                                                String category, BigDecimal price) {
    return post("/api/products", Map.of("sku", sku, "name", name, "description", description,
        "category", category, "price", price), null);
  }

  public CompletableFuture<Reply> receiveStock(String sku, long quantity) {
    return post("/api/stock/" + sku + "/receipts", Map.of("quantity", quantity), null);
  }

  public CompletableFuture<Reply> createCustomer(String name, String email, BigDecimal creditLimit) {
    return post("/api/customers", Map.of("name", name, "email", email,
        "address", Map.of("street", "Bahnhofstrasse 1", "zip", "8001", "city", "Zürich",
            "country", "CH"),
        "creditLimit", creditLimit), null);
  }

  /** POST /api/orders; the key makes a retry return the same order instead of a second one. */
  public CompletableFuture<Reply> placeOrder(String customerId, List<Line> lines,
                                             String idempotencyKey) {
    return send(placement(customerId, lines, idempotencyKey));
  }

  /**
   * POST /api/orders with {@code Prefer: wait=}{@code waitSeconds}: 201 with the order once its
   * outcome is known within the wait, else 202 as without it.
   */
  public CompletableFuture<Reply> placeOrder(String customerId, List<Line> lines,
                                             String idempotencyKey, int waitSeconds) {
    return send(placement(customerId, lines, idempotencyKey)
        .timeout(REQUEST_TIMEOUT.plusSeconds(waitSeconds))
        .header("Prefer", "wait=" + waitSeconds));
  }

  private HttpRequest.Builder placement(String customerId, List<Line> lines,
                                        String idempotencyKey) {
    return postRequest("/api/orders", Map.of("customerId", customerId, "lines", lines),
        idempotencyKey);
  }

  /** The order once final, or as it is after {@code timeoutSeconds} (server-side long poll). */
  public CompletableFuture<Reply> awaitFinal(String orderId, int timeoutSeconds) {
    return get("/api/orders/" + orderId + "?waitFor=FINAL&timeout=" + timeoutSeconds + "s",
        REQUEST_TIMEOUT.plusSeconds(timeoutSeconds));
  }

  public CompletableFuture<Reply> order(String orderId) {
    return get("/api/orders/" + orderId);
  }

  public CompletableFuture<Reply> cancel(String orderId) {
    return post("/api/orders/" + orderId + "/cancel", Map.of(), null);
  }

  public CompletableFuture<Reply> stock(String sku) {
    return get("/api/stock/" + sku);
  }

  /** GET of any path of the public API. */
  public CompletableFuture<Reply> get(String path) {
    return get(path, REQUEST_TIMEOUT);
  }

  private CompletableFuture<Reply> get(String path, Duration timeout) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET());
  }

  private CompletableFuture<Reply> post(String path, Object body, String idempotencyKey) {
    return send(postRequest(path, body, idempotencyKey));
  }

  private HttpRequest.Builder postRequest(String path, Object body, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request;
  }

  private URI uri(String path) {
    return URI.create(endpoints.baseFor(path, direct) + path);
  }

  private CompletableFuture<Reply> send(HttpRequest.Builder request) {
    return http.sendAsync(request.header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> new Reply(response.statusCode(), parse(response.body())));
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null; // e.g. an HTML error page of a proxy: the status says enough
    }
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
