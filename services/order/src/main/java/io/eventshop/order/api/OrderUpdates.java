package io.eventshop.order.api;

import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.Topics;
import io.eventshop.order.domain.Order;
import io.eventshop.order.streams.OrderChanges;
import io.eventshop.platform.kafka.PendingWrites;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Hands the aggregator's order changes to whoever waits for them: long-polling {@code waitFor}
 * requests (a future each, completed on change or timeout — no thread per waiting request) and
 * server-sent-event subscribers. Called on the stream thread, so it only completes futures and
 * queues the SSE writes to a thread of its own.
 *
 * <p>Only committed outcomes are told. An outcome the aggregator has decided in its still open
 * transaction ({@link #decided}) is held back until the aggregator reads it back from
 * {@code orders} ({@link #changed}); until then, what the store holds is shown as the order was
 * before ({@link #committed}), since the transaction may abort and the outcome be decided again.
 *
 * <p>On shutdown it ends the open event streams first, so the web server's graceful shutdown does
 * not wait for them.
 */
public final class OrderUpdates implements OrderChanges, SmartLifecycle {

  private record Waiter(Predicate<Order> reached, CompletableFuture<Optional<Order>> done) {
  }

  private record Subscriber(String customerId, SseEmitter emitter) {
  }

  private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
  /** Outcomes decided in a transaction not seen committed yet: order id → the order before. */
  private final Map<String, Order> awaitingCommit = new ConcurrentHashMap<>();
  /**
   * Orders placed here with an idempotency key, until the aggregator has them: any order the
   * aggregator tells of is at least as new as the placement.
   */
  private final PendingWrites<String, Order> written = new PendingWrites<>((read, placed) -> true);
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ExecutorService sse = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "order-sse");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public void changed(Order order) {
    written.forget(order.id());
    awaitingCommit.remove(order.id());
    List<Waiter> waiting = waiters.get(order.id());
    if (waiting != null) {
      for (Waiter waiter : waiting) {
        if (waiter.reached().test(order)) {
          waiter.done().complete(Optional.of(order));
        }
      }
    }
    if (!subscribers.isEmpty()) {
      OrderView view = OrderView.of(order);
      sse.execute(() -> publish(view));
    }
  }

  @Override
  public void decided(Order before, Order decided) {
    written.forget(decided.id());
    awaitingCommit.put(decided.id(), before);
  }

  @Override
  public void started(int partition) {
    // Left over from a previous run of the task (aborted, or read back on another instance).
    int partitions = Topics.ORDERS.partitions();
    awaitingCommit.keySet()
        .removeIf(orderId -> OrderIds.partitionOf(orderId, partitions) == partition);
  }

  /**
   * The order as far as its changes are committed: what {@code stored} answers, unless that holds
   * an outcome whose transaction is still open; then the order as it was before (empty if it was
   * not placed yet).
   */
  Optional<Order> committed(String orderId, Supplier<Optional<Order>> stored) {
    // The store first: decided() runs before the store has the decision, so if this read finds
    // the decision, the check below finds it awaiting its commit (or already committed).
    Optional<Order> now = stored.get();
    Order before = awaitingCommit.get(orderId);
    return before == null ? now : Optional.of(before).filter(Order::isPlaced);
  }

  /**
   * A future completed with the order once {@code reached} holds for it, or with what
   * {@code current} then answers after {@code timeout}; in both cases committed changes only.
   * Registers first and reads second, so a change between the two is not missed.
   */
  CompletableFuture<Optional<Order>> await(String orderId, Predicate<Order> reached,
                                           Duration timeout,
                                           Supplier<Optional<Order>> current) {
    CompletableFuture<Optional<Order>> done = new CompletableFuture<>();
    Waiter waiter = new Waiter(reached, done);
    waiters.computeIfAbsent(orderId, id -> new CopyOnWriteArrayList<>()).add(waiter);
    done.whenComplete((order, error) -> waiters.computeIfPresent(orderId, (id, list) -> {
      list.remove(waiter);
      return list.isEmpty() ? null : list;
    }));
    Optional<Order> now = committed(orderId, current);
    if (now.filter(reached).isPresent()) {
      done.complete(now);
    } else {
      CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .execute(() -> {
            if (!done.isDone()) {
              done.complete(committed(orderId, current));
            }
          });
    }
    return done;
  }

  /**
   * Remembers an order just written, so that a quick retry with the same idempotency key, before
   * the aggregator has the order, does not write it again. False if it was already remembered.
   */
  boolean rememberWritten(Order order) {
    return written.wroteIfAbsent(order.id(), order);
  }

  Optional<Order> written(String orderId) {
    return written.pending(orderId);
  }

  void forgetWritten(String orderId) {
    written.forget(orderId);
  }

  /** A stream of every change this instance sees, of one customer's orders or of all. */
  SseEmitter subscribe(String customerId) {
    SseEmitter emitter = new SseEmitter(0L);
    Subscriber subscriber = new Subscriber(customerId, emitter);
    subscribers.add(subscriber);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(error -> subscribers.remove(subscriber));
    try {
      // Commits the response headers now, so clients and proxies see the stream open at once.
      emitter.send(SseEmitter.event().comment("subscribed"));
    } catch (IOException e) {
      subscribers.remove(subscriber);
      emitter.completeWithError(e);
    }
    return emitter;
  }

  private void publish(OrderView view) {
    for (Subscriber subscriber : subscribers) {
      if (subscriber.customerId() == null || subscriber.customerId().equals(view.customerId())) {
        try {
          subscriber.emitter().send(SseEmitter.event().name("order").id(view.id())
              .data(view, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
          subscribers.remove(subscriber);
        }
      }
    }
  }

  private volatile boolean running;

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    subscribers.forEach(subscriber -> subscriber.emitter().complete());
    subscribers.clear();
    sse.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
