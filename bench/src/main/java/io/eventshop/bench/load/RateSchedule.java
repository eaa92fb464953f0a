package io.eventshop.bench.load;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * When each order of an open-loop phase is meant to be sent: order {@code i} at
 * {@code start + i / rate}. Latency is measured from this intended time, not from the moment the
 * request actually left: a stall of the system (or of the load generator) then shows in the
 * latency of every order that should have been sent during it, instead of being hidden
 * (coordinated omission).
 *
 * @param startNanos    {@link System#nanoTime()} of order 0
 * @param ratePerSecond offered orders per second
 * @param count         how many orders the phase sends
 */
public record RateSchedule(long startNanos, double ratePerSecond, long count) {

  public RateSchedule {
    if (ratePerSecond <= 0) {
      throw new IllegalArgumentException("the rate must be positive");
    }
  }

  /** The schedule of {@code rate} orders per second for {@code duration}. */
  public static RateSchedule of(long startNanos, double rate, Duration duration) {
    return new RateSchedule(startNanos, rate, Math.round(rate * duration.toNanos() / 1e9));
  }

  /** The intended send time of order {@code i}. */
  public long intendedNanos(long i) {
    return startNanos + Math.round(i * 1e9 / ratePerSecond);
  }

  /** How many orders are due by {@code nowNanos} (at most {@link #count}). */
  public long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long due = (long) Math.floor((nowNanos - startNanos) * ratePerSecond / 1e9) + 1;
    return Math.min(due, count);
  }

  /** The end of the schedule: when the last order is due. */
  public long lastNanos() {
    return count == 0 ? startNanos : intendedNanos(count - 1);
  }

  /**
   * Issues the orders of this schedule as they fall due, parking in between, until all are
   * issued or {@code hardEndNanos} passes: {@code order} gets each order's index (its intended
   * time is {@link #intendedNanos}). A late loop catches up at once, so a stall of the load
   * generator shows as latency, not as a lower rate. Returns how many orders were issued.
   */
  public long issue(long hardEndNanos, LongConsumer order) {
    long next = 0;
    while (next < count && System.nanoTime() < hardEndNanos) {
      long due = dueBy(System.nanoTime());
      for (; next < due; next++) {
        order.accept(next);
      }
      if (next < count) {
        LockSupport.parkNanos(Math.max(0, intendedNanos(next) - System.nanoTime()));
      }
    }
    return next;
  }
}
