package io.eventshop.bench.load;

import io.eventshop.bench.load.OrderTrips.Trip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The two ways the benchmark loads the shop. Both are bounded: by duration, by an order count, and
 * by a drain timeout for the orders still in flight when the phase ends.
 */
final class LoadPhases implements AutoCloseable {

  /** An open-loop rate is sustained while its p99 stays under this. */
  static final double SUSTAINED_P99_MS = 100;

  private final OrderTrips trips;
  private final Duration drainTimeout;
  private final int maxInFlight;
  // Callbacks that start a client's next order run here, not on the HTTP client's threads.
  private final ExecutorService callbacks = Executors.newFixedThreadPool(2, runnable -> {
    Thread thread = new Thread(runnable, "bench-callbacks");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Long> failures = new TreeMap<>();

  LoadPhases(OrderTrips trips, Duration drainTimeout, int maxInFlight) {
    this.trips = trips;
    this.drainTimeout = drainTimeout;
    this.maxInFlight = maxInFlight;
  }

  /** Failure descriptions of every phase so far, with counts. */
  synchronized Map<String, Long> failures() {
    return new TreeMap<>(failures);
  }

  /** {@code clients} clients, each: place an order, wait for its final state, repeat. */
  ClosedLoopResult closedLoop(int clients, Duration duration, long maxOrders) {
    Tally tally = new Tally();
    AtomicLong started = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<CompletableFuture<Void>> clientsDone = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      CompletableFuture<Void> client = new CompletableFuture<>();
      clientsDone.add(client);
      callbacks.execute(() -> nextOrder(client, end, maxOrders, started, tally));
    }
    awaitAll(clientsDone, duration.plus(drainTimeout));
    double seconds = tally.secondsSince(start);
    return new ClosedLoopResult(clients, tally.orders(), tally.failed(), round(seconds),
        seconds == 0 ? 0 : round(tally.orders() / seconds), tally.latency());
  }

  private void nextOrder(CompletableFuture<Void> client, long end, long maxOrders,
                         AtomicLong started, Tally tally) {
    long now = System.nanoTime();
    if (now >= end || started.incrementAndGet() > maxOrders) {
      client.complete(null);
      return;
    }
    trips.run(now).whenCompleteAsync((trip, error) -> {
      tally.add(trip);
      nextOrder(client, end, maxOrders, started, tally);
    }, callbacks);
  }

  /**
   * Orders sent at {@code rate} per second for {@code duration} on a fixed schedule, whatever the
   * answers; each order's latency counts from its intended send time.
   */
  OpenLoopResult openLoop(double rate, Duration duration) {
    Tally tally = new Tally();
    AtomicInteger inFlight = new AtomicInteger();
    long start = System.nanoTime();
    RateSchedule schedule = RateSchedule.of(start, rate, duration);
    long hardEnd = start + duration.toNanos() + drainTimeout.toNanos();
    List<CompletableFuture<Trip>> sent = new ArrayList<>();
    AtomicLong dropped = new AtomicLong();
    long issued = schedule.issue(hardEnd, i -> {
      if (inFlight.get() >= maxInFlight) {
        dropped.incrementAndGet();
        return;
      }
      inFlight.incrementAndGet();
      CompletableFuture<Trip> trip = trips.run(schedule.intendedNanos(i));
      trip.whenComplete((done, error) -> {
        inFlight.decrementAndGet();
        tally.add(done);
      });
      sent.add(trip);
    });
    dropped.addAndGet(schedule.count() - issued);
    awaitAll(sent, Duration.ofNanos(Math.max(0, hardEnd - System.nanoTime())));
    double seconds = tally.secondsSince(start);
    long orders = tally.orders();
    long failed = sent.size() - orders; // failed, or still unfinished after the drain timeout
    double achieved = seconds == 0 ? 0 : round(orders / seconds);
    LatencySummary latency = tally.latency();
    return new OpenLoopResult(rate, sent.size(), dropped.get(), orders, failed, achieved, latency,
        OpenLoopResult.sustains(rate, achieved, dropped.get(), failed, latency));
  }

  private static void awaitAll(List<? extends CompletableFuture<?>> futures, Duration timeout) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // what did not finish is counted as failed by the tally's caller and checked at the end
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private synchronized void noteFailure(String failure) {
    failures.merge(failure.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"), 1L, Long::sum);
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  @Override
  public void close() {
    callbacks.shutdownNow();
  }

  /** What a phase counts: latencies of final orders, failures, and when the last one ended. */
  private final class Tally {
    private final Histogram latencies = LatencySummary.newHistogram();
    private long failed;
    private long lastEnd;

    synchronized void add(Trip trip) {
      if (trip != null && trip.reachedFinal()) {
        latencies.recordValue(Math.max(0, trip.latencyNanos() / 1_000));
        lastEnd = Math.max(lastEnd, trip.endNanos());
      } else {
        failed++;
        noteFailure(trip == null ? "no trip" : trip.failure());
      }
    }

    synchronized long orders() {
      return latencies.getTotalCount();
    }

    synchronized long failed() {
      return failed;
    }

    synchronized double secondsSince(long start) {
      return Math.max(0, lastEnd - start) / 1e9;
    }

    synchronized LatencySummary latency() {
      return LatencySummary.of(latencies);
    }
  }
}
