package io.eventshop.bench.load;

import io.eventshop.bench.load.OrderLedger.Tracked;
import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.bench.load.ShopApi.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One order's trip through the shop as a client sees it: {@code POST /api/orders} with
 * {@code Prefer: wait=5}, which answers with the final state when it comes within the wait (one
 * request per order); otherwise {@code GET /api/orders/{id}?waitFor=FINAL} (repeated while the
 * order is still open, up to a deadline) — asynchronous, so a load phase holds no thread per
 * order.
 */
final class OrderTrips {

  /**
   * How a trip ended.
   *
   * @param startNanos when the order was (meant to be) sent
   * @param endNanos   when the final state arrived (or the trip failed)
   * @param state      the final state, or null when the trip failed
   * @param failure    why it failed (HTTP status, exception, deadline), or null
   */
  record Trip(long startNanos, long endNanos, String state, String failure) {

    boolean reachedFinal() {
      return state != null;
    }

    long latencyNanos() {
      return endNanos - startNanos;
    }
  }

  static final int WAIT_SECONDS = 5;
  private static final Executor RETRY_PAUSE =
      CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS);

  private final ShopApi api;
  private final OrderLedger ledger;
  private final CustomerPool customers;
  private final OrderMix mix;
  private final long deadlineNanos;

  OrderTrips(ShopApi api, OrderLedger ledger, CustomerPool customers, OrderMix mix,
             Duration deadline) {
    this.api = api;
    this.ledger = ledger;
    this.customers = customers;
    this.mix = mix;
    this.deadlineNanos = deadline.toNanos();
  }

  /** Places a new order meant to start at {@code startNanos} and follows it to its final state. */
  CompletableFuture<Trip> run(long startNanos) {
    return run(startNanos, customers.next(startNanos), mix.next());
  }

  /** Places an order of {@code customerId} with {@code lines}, followed to its final state. */
  CompletableFuture<Trip> run(long startNanos, String customerId, List<Line> lines) {
    Tracked order = ledger.track(UUID.randomUUID().toString(), customerId, lines);
    return place(order).thenCompose(failure -> {
      if (failure != null) {
        return CompletableFuture.completedFuture(
            new Trip(startNanos, System.nanoTime(), null, failure));
      }
      return order.isFinal()
          ? CompletableFuture.completedFuture(
              new Trip(startNanos, System.nanoTime(), order.state, null))
          : follow(order, startNanos, startNanos + deadlineNanos);
    }).exceptionally(e -> new Trip(startNanos, System.nanoTime(), null, describe(e)));
  }

  /**
   * Places (or re-places, same key: the shop returns the same order), waiting up to
   * {@link #WAIT_SECONDS} for the outcome in the same request; notes the id, and the final state
   * when it came. Returns why the shop refused, or null.
   */
  CompletableFuture<String> place(Tracked order) {
    return api.placeOrder(order.customerId, order.lines, order.key, WAIT_SECONDS)
        .thenApply(reply -> {
          if ((reply.status() == 201 || reply.status() == 202) && reply.text("id") != null) {
            order.orderId = reply.text("id");
            noteState(order, reply);
            return null;
          }
          return "POST /api/orders answered " + reply.status();
        });
  }

  /** Waits for the final state of an accepted order, long poll after long poll, until the deadline. */
  CompletableFuture<Trip> follow(Tracked order, long startNanos, long deadline) {
    return api.awaitFinal(order.orderId, WAIT_SECONDS).thenCompose(reply -> {
      long now = System.nanoTime();
      if (reply.is2xx()) {
        noteState(order, reply);
      }
      if (order.isFinal()) {
        return CompletableFuture.completedFuture(new Trip(startNanos, now, order.state, null));
      }
      if (now >= deadline) {
        return CompletableFuture.completedFuture(new Trip(startNanos, now, null,
            "not final before the deadline (state " + order.state + ", HTTP " + reply.status()
                + ")"));
      }
      // pause briefly before asking again: an error (or a server that does not long-poll)
      // answers at once, and the shop must not be hammered until the deadline
      return CompletableFuture.supplyAsync(() -> order, RETRY_PAUSE)
          .thenCompose(same -> follow(same, startNanos, deadline));
    });
  }

  /** Notes the state an answer shows, with the reasons when it is final. */
  private static void noteState(Tracked order, Reply reply) {
    String state = reply.text("state");
    if (OrderLedger.FINAL_STATES.contains(state)) {
      order.reasons = reasonsOf(reply);
    }
    order.state = state;
  }

  private static List<String> reasonsOf(Reply reply) {
    List<String> reasons = new ArrayList<>();
    reply.body().path("reasons").forEach(reason -> reasons.add(reason.asText()));
    return List.copyOf(reasons);
  }

  static String describe(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null
        && (cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
