package io.eventshop.search.api;

import io.eventshop.platform.web.Unavailable;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many queries run at once, and how long one may wait for its turn. A query is CPU work:
 * more at once than the cores can run only share them more thinly, and a backlog without bound
 * makes every query late once more arrive than the machine answers (the benchmark, before this:
 * offered 200 queries/s against ~95/s answered, every query timed out after 10 s). A query that
 * finds no turn within the wait is refused at once with a 503 and {@code Retry-After}, so the
 * queries admitted stay fast.
 */
public final class QueryAdmission {

  private final Semaphore turns;
  private final Duration maxWait;

  public QueryAdmission(int concurrentQueries, Duration maxWait) {
    this.turns = new Semaphore(concurrentQueries, true);
    this.maxWait = maxWait;
  }

  /** Runs {@code query} in its turn; a 503 {@link Unavailable} when none comes in time. */
  public <T> T admit(Supplier<T> query) {
    boolean admitted;
    try {
      admitted = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new Unavailable("the search service is answering as many queries as it can; try"
          + " again in a second", Duration.ofSeconds(1));
    }
    try {
      return query.get();
    } finally {
      turns.release();
    }
  }
}
