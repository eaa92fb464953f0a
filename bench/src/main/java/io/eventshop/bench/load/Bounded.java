package io.eventshop.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs {@code count} asynchronous calls with at most {@code concurrency} in flight, each retried a
 * few times, the whole within a timeout, printing progress every tenth: how the benchmark seeds
 * and audits the shop.
 */
final class Bounded {

  private static final Executor RETRY_PAUSE =
      CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS);

  private Bounded() {
  }

  /**
   * The results of {@code call(0..count-1)}, in order.
   *
   * @param attempts tries per call (1 for calls that must not be repeated)
   * @throws IllegalStateException when a call fails {@code attempts} times or time runs out
   */
  static <T> List<T> run(String what, int count, int concurrency, int attempts, Duration timeout,
                         IntFunction<CompletableFuture<T>> call, PrintStream progress) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Semaphore permits = new Semaphore(concurrency);
    List<CompletableFuture<T>> results = new ArrayList<>(count);
    int step = Math.max(1, count / 10);
    long started = System.nanoTime();
    try {
      for (int i = 0; i < count; i++) {
        long left = deadline - System.nanoTime();
        if (!permits.tryAcquire(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          throw new IllegalStateException(what + ": not done within " + timeout + " (" + i
              + " of " + count + " started)");
        }
        CompletableFuture<T> result = withRetries(call, i, attempts);
        result.whenComplete((value, error) -> permits.release());
        results.add(result);
        if ((i + 1) % step == 0 || i + 1 == count) {
          int done = i + 1;
          result.thenRun(() -> progress.printf("  %s: %d/%d (%.1f s)%n", what, done, count,
              (System.nanoTime() - started) / 1e9));
        }
      }
      CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + ": interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(what + " failed: " + OrderTrips.describe(e), e);
    }
    return results.stream().map(CompletableFuture::join).toList();
  }

  private static <T> CompletableFuture<T> withRetries(IntFunction<CompletableFuture<T>> call,
                                                      int i, int attemptsLeft) {
    CompletableFuture<T> attempt;
    try {
      attempt = call.apply(i);
    } catch (RuntimeException e) {
      attempt = CompletableFuture.failedFuture(e);
    }
    if (attemptsLeft <= 1) {
      return attempt;
    }
    return attempt.handle((value, error) -> error == null
            ? CompletableFuture.completedFuture(value)
            : CompletableFuture.supplyAsync(() -> i, RETRY_PAUSE)
                .thenCompose(same -> withRetries(call, same, attemptsLeft - 1)))
        .thenCompose(future -> future);
  }
}
