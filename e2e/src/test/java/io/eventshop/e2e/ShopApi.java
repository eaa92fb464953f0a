package io.eventshop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.bench.load.ShopApi.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The shop's public REST API as a client uses it: through the gateway, or straight to each
 * service ({@link #direct}) where a test exercises the order flow rather than the edge. A
 * synchronous layer over the benchmark's asynchronous client, with the checks a test wants:
 * each call waits for its answer, and the helpers that return a value fail on an unexpected
 * status. Orders are {@link Line}s; raw answers are {@link Reply}s.
 */
public final class ShopApi {

  private final io.eventshop.bench.load.ShopApi client;

  private ShopApi(RunningShop shop, boolean direct) {
    this.client = new io.eventshop.bench.load.ShopApi(shop.endpoints(), direct);
  }

  /** Every request through the gateway, the single entry point. */
  public static ShopApi viaGateway(RunningShop shop) {
    return new ShopApi(shop, false);
  }

  /** Every request to the service that owns the path, as the gateway would route it. */
  public static ShopApi direct(RunningShop shop) {
    return new ShopApi(shop, true);
  }

  public void createProduct(String sku, String category, String price) {
    expect(answer(client.createProduct(sku, "Product " + sku, "made for a test", category,
        new BigDecimal(price))), 201);
  }

  public void receiveStock(String sku, int quantity) {
    Reply reply = answer(client.receiveStock(sku, quantity));
    if (reply.status() / 100 != 2) {
      throw new AssertionError("receipt of " + sku + " failed: " + reply);
    }
  }

  /** Registers a customer and returns the id. */
  public String createCustomer(String name, String creditLimit) {
    String email = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.org";
    Reply reply = answer(client.createCustomer(name, email, new BigDecimal(creditLimit)));
    expect(reply, 201);
    return reply.body().get("id").asText();
  }

  /** Places an order and returns the reply (202 with the order id when accepted). */
  public Reply placeOrder(String customerId, List<Line> lines) {
    return answer(client.placeOrder(customerId, lines, UUID.randomUUID().toString()));
  }

  /** Places an order and returns its id. */
  public String placeOrderId(String customerId, List<Line> lines) {
    Reply reply = placeOrder(customerId, lines);
    expect(reply, 202);
    return reply.body().get("id").asText();
  }

  /** The order once it has reached a final state (or what it is after {@code timeout}). */
  public JsonNode awaitFinal(String orderId, Duration timeout) {
    Reply reply = answer(client.awaitFinal(orderId, (int) timeout.toSeconds()));
    expect(reply, 200);
    return reply.body();
  }

  public Reply getOrder(String orderId) {
    return answer(client.order(orderId));
  }

  public Reply cancel(String orderId) {
    return answer(client.cancel(orderId));
  }

  public JsonNode stock(String sku) {
    Reply reply = answer(client.stock(sku));
    expect(reply, 200);
    return reply.body();
  }

  public Reply get(String path) {
    return answer(client.get(path));
  }

  /** Waits for the answer; a failed request throws what failed it (I/O, timeout). */
  private static Reply answer(CompletableFuture<Reply> reply) {
    try {
      return reply.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void expect(Reply reply, int status) {
    if (reply.status() != status) {
      throw new AssertionError("expected HTTP " + status + " but got " + reply);
    }
  }
}
