package io.eventshop.bench.load;

import io.eventshop.bench.load.ShopApi.Reply;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Seeds the shop through its REST API, concurrently and bounded: products with ample stock and
 * customers with a high credit limit, so that the orders measured are the happy path (a
 * rejection still goes through the whole pipeline; the ledger counts them by reason).
 */
final class Seeder {

  static final long UNITS_PER_PRODUCT = 1_000_000;
  /**
   * Credit is held for every validated order and never released in a run: this covers
   * {@value BenchOptions#MAX_ORDERS_PER_CUSTOMER} orders of the mix's largest (3 lines x 2 units
   * x 49.99 CHF), the most {@code --orders-per-customer} allows.
   */
  static final BigDecimal CREDIT_LIMIT = new BigDecimal("1000000.00");
  private static final int CONCURRENCY = 32;
  private static final int UNAVAILABLE_RETRIES = 3;
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final ShopApi api;
  private final PrintStream out;
  private final String runTag;

  Seeder(ShopApi api, PrintStream out, String runTag) {
    this.api = api;
    this.out = out;
    this.runTag = runTag.toUpperCase(Locale.ROOT);
  }

  Catalogue seed(int products, int customers) {
    List<String> skus = IntStream.range(0, products)
        .mapToObj(i -> String.format("BENCH-%s-%05d", runTag, i)).toList();
    Bounded.run("products", products, CONCURRENCY, 3, TIMEOUT,
        i -> api.createProduct(skus.get(i), priceOf(i))
            .thenApply(reply -> expect(reply, "product " + skus.get(i), 201, 409)), out);
    // a failed receipt is repeated only if the stock shows it did not happen: a blind retry
    // could receive the goods twice
    Bounded.run("stock receipts", products, CONCURRENCY, 3, TIMEOUT,
        i -> receiveOnce(skus.get(i)), out);
    Map<String, Long> received = new LinkedHashMap<>();
    skus.forEach(sku -> received.put(sku, UNITS_PER_PRODUCT));
    Map<String, BigDecimal> prices = new LinkedHashMap<>();
    IntStream.range(0, products).forEach(i -> prices.put(skus.get(i), priceOf(i)));
    // not retried blindly (a repeat after a timeout could register the customer twice), only
    // after a 503: the customer service answers it when the change was not made
    List<String> customerIds = Bounded.run("customers", customers, CONCURRENCY, 1, TIMEOUT,
        i -> registerCustomer(i, UNAVAILABLE_RETRIES)
            .thenApply(reply -> expect(reply, "customer " + i, 201).text("id")), out);
    return new Catalogue(skus, prices, received, customerIds);
  }

  private CompletableFuture<Reply> registerCustomer(int i, int retriesLeft) {
    return api.createCustomer("Bench Customer " + i,
            "bench-" + runTag.toLowerCase(Locale.ROOT) + "-" + i + "@example.org", CREDIT_LIMIT)
        .thenCompose(reply -> reply.status() == 503 && retriesLeft > 0
            ? registerCustomer(i, retriesLeft - 1) : CompletableFuture.completedFuture(reply));
  }

  private CompletableFuture<Reply> receiveOnce(String sku) {
    return api.stock(sku).thenCompose(level -> {
      if (level.status() == 200 && level.body().path("onHand").asLong() >= UNITS_PER_PRODUCT) {
        return CompletableFuture.completedFuture(level); // an earlier attempt went through
      }
      return api.receiveStock(sku, UNITS_PER_PRODUCT)
          .thenApply(reply -> expect(reply, "receipt of " + sku, 200, 201, 202));
    });
  }

  /** Prices from 1.00 to 49.99 CHF: no order comes near the new-customer fraud threshold. */
  static BigDecimal priceOf(int i) {
    return BigDecimal.valueOf(100 + (i * 7919L) % 4900, 2);
  }

  private static Reply expect(Reply reply, String what, int... statuses) {
    for (int status : statuses) {
      if (reply.status() == status) {
        return reply;
      }
    }
    throw new IllegalStateException(what + ": HTTP " + reply.status() + " " + reply.body());
  }
}
