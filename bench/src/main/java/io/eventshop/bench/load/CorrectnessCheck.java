package io.eventshop.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.bench.load.OrderLedger.Tracked;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The checks of a run: every accepted order reached a final state (none lost), and for every
 * product of the run the stock invariant holds: units in validated orders never exceed the units
 * received, and {@code reserved} equals them (rejected orders' reservations were released, exactly
 * once).
 */
final class CorrectnessCheck {

  private static final int CONCURRENCY = 32;
  private static final int MAX_LISTED = 10;
  private static final Duration SETTLE_GRACE = Duration.ofSeconds(20);

  private final ShopApi api;
  private final OrderTrips trips;
  private final PrintStream out;
  private final Duration timeout;

  CorrectnessCheck(ShopApi api, OrderTrips trips, Duration timeout, PrintStream out) {
    this.api = api;
    this.trips = trips;
    this.timeout = timeout;
    this.out = out;
  }

  CorrectnessReport check(OrderLedger ledger, Catalogue catalogue) {
    List<String> problems = new ArrayList<>();
    long refused = settle(ledger);
    List<Tracked> lost = ledger.unsettled().stream().filter(order -> order.orderId != null)
        .toList();
    lost.stream().limit(MAX_LISTED).forEach(order -> problems.add("order " + order.orderId
        + " never reached a final state (last seen " + order.state + ")"));
    if (lost.size() > MAX_LISTED) {
      problems.add("… and " + (lost.size() - MAX_LISTED) + " more orders not final");
    }
    problems.addAll(stockProblems(ledger.validatedUnitsBySku(), catalogue));
    return new CorrectnessReport(ledger.tried(), ledger.accepted(), refused, lost.size(),
        ledger.finalStates(), ledger.rejectionReasons(), catalogue.skus().size(),
        List.copyOf(problems));
  }

  /**
   * Follows every order not known to be final, all at once (each waits on the server, not
   * here): re-places those without an id with their own idempotency key (the shop answers with
   * the order if the first POST did create it, or creates it now), then waits for their final
   * state until the deadline. Returns how many the shop refused.
   */
  private long settle(OrderLedger ledger) {
    List<Tracked> open = ledger.unsettled();
    if (open.isEmpty()) {
      return 0;
    }
    out.printf("settling %,d orders not known to be final%n", open.size());
    long deadline = System.nanoTime() + timeout.toNanos();
    List<CompletableFuture<?>> settled = new ArrayList<>();
    for (Tracked order : open) {
      CompletableFuture<String> placed = order.orderId != null
          ? CompletableFuture.completedFuture(null) : trips.place(order);
      settled.add(placed.thenCompose(failure -> order.orderId == null || order.isFinal()
              ? CompletableFuture.completedFuture(null)
              : trips.follow(order, System.nanoTime(), deadline))
          .exceptionally(e -> null));
    }
    try {
      CompletableFuture.allOf(settled.toArray(CompletableFuture[]::new))
          .get(timeout.toNanos() + SETTLE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // what is still open now counts as lost
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return open.stream().filter(order -> order.orderId == null).count();
  }

  /** A short pause between two rounds of the stock check; false when interrupted. */
  private static boolean paused() {
    try {
      TimeUnit.MILLISECONDS.sleep(500);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Reads every product's stock until it matches the orders or the timeout passes: the stock
   * service releases a rejected order's reservation after the order service has published the
   * rejection, so {@code reserved} may lag the final states for a moment.
   */
  private List<String> stockProblems(Map<String, Long> validatedUnits, Catalogue catalogue) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> problems;
    do {
      List<JsonNode> levels = Bounded.run("stock check", catalogue.skus().size(), CONCURRENCY, 3,
          timeout, i -> api.stock(catalogue.skus().get(i)).thenApply(reply -> {
            if (reply.status() != 200 || reply.body() == null) {
              throw new IllegalStateException("GET /api/stock/" + catalogue.skus().get(i)
                  + " answered " + reply.status());
            }
            return reply.body();
          }), NullPrintStream.INSTANCE);
      problems = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        String sku = catalogue.skus().get(i);
        problems.addAll(StockInvariant.violations(sku, catalogue.receivedBySku().get(sku),
            validatedUnits.getOrDefault(sku, 0L), levels.get(i).path("onHand").asLong(-1),
            levels.get(i).path("reserved").asLong(-1)));
      }
    } while (!problems.isEmpty() && System.nanoTime() < deadline && paused());
    if (problems.size() > MAX_LISTED) {
      int more = problems.size() - MAX_LISTED;
      problems = new ArrayList<>(problems.subList(0, MAX_LISTED));
      problems.add("… and " + more + " more stock violations");
    }
    return problems;
  }
}
