package io.eventshop.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the shop's REST API in memory, on 127.0.0.1: every order is validated at once
 * and reserves its units. Faults can be switched on to see the benchmark catch them: orders that
 * never become final, or stock that reserves one unit too many.
 */
final class FakeShop implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  volatile boolean loseOrders;
  volatile boolean overReserve;
  final AtomicLong ordersPlaced = new AtomicLong();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Map<String, String> orderStates = new ConcurrentHashMap<>();
  private final Map<String, String> ordersByKey = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> onHand = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> reserved = new ConcurrentHashMap<>();

  FakeShop() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  ShopEndpoints endpoints() {
    return new ShopEndpoints(Map.of("gateway", url(), "order", url(), "stock", url(),
        "product", url(), "customer", url()), null, Map.of());
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    JsonNode body = method.equals("POST")
        ? JSON.readTree(exchange.getRequestBody().readAllBytes()) : null;
    if (method.equals("POST") && path.equals("/api/products")) {
      reply(exchange, 201, Map.of("sku", body.get("sku").asText()));
    } else if (method.equals("POST") && path.startsWith("/api/stock/")) {
      String sku = path.split("/")[3];
      onHand.computeIfAbsent(sku, s -> new AtomicLong()).addAndGet(body.get("quantity").asLong());
      reply(exchange, 200, Map.of("sku", sku));
    } else if (method.equals("GET") && path.startsWith("/api/stock/")) {
      String sku = path.split("/")[3];
      reply(exchange, 200, Map.of("sku", sku,
          "onHand", onHand.getOrDefault(sku, new AtomicLong()).get(),
          "reserved", reserved.getOrDefault(sku, new AtomicLong()).get()));
    } else if (method.equals("POST") && path.equals("/api/customers")) {
      reply(exchange, 201, Map.of("id", UUID.randomUUID().toString()));
    } else if (method.equals("POST") && path.equals("/api/orders")) {
      String id = ordersByKey.computeIfAbsent(exchange.getRequestHeaders()
          .getFirst("Idempotency-Key"), key -> place(body));
      reply(exchange, 202, Map.of("id", id, "state", "PLACED"));
    } else if (method.equals("GET") && path.startsWith("/api/orders/")) {
      String id = path.substring("/api/orders/".length());
      String state = orderStates.get(id);
      if (state == null) {
        reply(exchange, 404, Map.of("title", "no such order"));
      } else {
        reply(exchange, 200, Map.of("id", id, "state", state, "reasons", new String[0]));
      }
    } else {
      reply(exchange, 404, Map.of("title", "not found"));
    }
  }

  private String place(JsonNode order) {
    String id = UUID.randomUUID().toString();
    long placed = ordersPlaced.incrementAndGet();
    boolean lost = loseOrders && placed > 3;
    orderStates.put(id, lost ? "PLACED" : "VALIDATED");
    order.get("lines").forEach(line -> reserved.computeIfAbsent(line.get("sku").asText(),
        sku -> new AtomicLong()).addAndGet(line.get("quantity").asLong()
        + (overReserve && placed == 2 ? 1 : 0)));
    return id;
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
