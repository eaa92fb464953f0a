package io.eventshop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The shop's public REST API as a client uses it: through the gateway, or straight to each
 * service ({@link #direct}) where a test exercises the order flow rather than the edge.
 */
public final class ShopApi {

  /** One line of an order: {@code quantity} units of {@code sku}. */
  public record Line(String sku, int quantity) {
  }

  /** An HTTP answer: status and parsed JSON body (null when empty). */
  public record Reply(int status, JsonNode body) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Function<String, String> baseUrlForPath;

  private ShopApi(Function<String, String> baseUrlForPath) {
    this.baseUrlForPath = baseUrlForPath;
  }

  /** Every request through the gateway, the single entry point. */
  public static ShopApi viaGateway(RunningShop shop) {
    String gateway = shop.url("gateway").orElseThrow();
    return new ShopApi(path -> gateway);
  }

  /** Every request to the service that owns the path, as the gateway would route it. */
  public static ShopApi direct(RunningShop shop) {
    return new ShopApi(path -> shop.url(ownerOf(path)).orElseThrow());
  }

  private static String ownerOf(String path) {
    if (path.startsWith("/api/products")) {
      return "product";
    }
    if (path.startsWith("/api/stock")) {
      return "stock";
    }
    if (path.startsWith("/api/orders") || path.matches("/api/customers/[^/]+/orders.*")) {
      return "order";
    }
    return "customer";
  }

  public void createProduct(String sku, String category, String price) {
    Reply reply = post("/api/products", Map.of("sku", sku, "name", "Product " + sku,
        "description", "made for a test", "category", category, "price", new BigDecimal(price)));
    expect(reply, 201);
  }

  public void receiveStock(String sku, int quantity) {
    Reply reply = post("/api/stock/" + sku + "/receipts", Map.of("quantity", quantity));
    if (reply.status() / 100 != 2) {
      throw new AssertionError("receipt of " + sku + " failed: " + reply);
    }
  }

  /** Registers a customer and returns the id. */
  public String createCustomer(String name, String creditLimit) {
    Reply reply = post("/api/customers", Map.of("name", name,
        "email", name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.org",
        "address", Map.of("street", "Bahnhofstrasse 1", "zip", "8001", "city", "Zürich",
            "country", "CH"),
        "creditLimit", new BigDecimal(creditLimit)));
    expect(reply, 201);
    return reply.body().get("id").asText();
  }

  /** Places an order and returns the reply (202 with the order id when accepted). */
  public Reply placeOrder(String customerId, List<Line> lines) {
    return post("/api/orders", Map.of("customerId", customerId, "lines", lines),
        UUID.randomUUID().toString());
  }

  /** Places an order and returns its id. */
  public String placeOrderId(String customerId, List<Line> lines) {
    Reply reply = placeOrder(customerId, lines);
    expect(reply, 202);
    return reply.body().get("id").asText();
  }

  /** The order once it has reached a final state (or what it is after {@code timeout}). */
  public JsonNode awaitFinal(String orderId, Duration timeout) {
    Reply reply = get("/api/orders/" + orderId + "?waitFor=FINAL&timeout="
        + timeout.toSeconds() + "s");
    expect(reply, 200);
    return reply.body();
  }

  public Reply getOrder(String orderId) {
    return get("/api/orders/" + orderId);
  }

  public Reply cancel(String orderId) {
    return post("/api/orders/" + orderId + "/cancel", Map.of());
  }

  public JsonNode stock(String sku) {
    Reply reply = get("/api/stock/" + sku);
    expect(reply, 200);
    return reply.body();
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), path);
  }

  public Reply post(String path, Object body) {
    return post(path, body, null);
  }

  private Reply post(String path, Object body, String idempotencyKey) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      return send(request, path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(baseUrlForPath.apply(path) + path);
  }

  private Reply send(HttpRequest.Builder request, String path) {
    try {
      HttpResponse<String> response = http.send(
          request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
      return new Reply(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void expect(Reply reply, int status) {
    if (reply.status() != status) {
      throw new AssertionError("expected HTTP " + status + " but got " + reply);
    }
  }
}
