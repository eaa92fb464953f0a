package io.eventshop.launcher.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Keeps a simulation to its rate and its bounds: {@link #next()} waits until the next event is
 * due and says whether there is one (the count or the time is not used up), and a progress line
 * goes out every few seconds.
 */
final class Pacer {

  static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

  private final double perSecond;
  private final long maxEvents;
  private final long durationNanos;
  private final LongSupplier nanoClock;
  private final PrintStream progress;
  private final String name;
  private final long start;
  private long sent;
  private long nextProgress;

  Pacer(String name, double perSecond, long maxEvents, Duration duration, LongSupplier nanoClock,
        PrintStream progress) {
    this.name = name;
    this.perSecond = perSecond;
    this.maxEvents = maxEvents;
    this.durationNanos = duration.toNanos();
    this.nanoClock = nanoClock;
    this.progress = progress;
    this.start = nanoClock.getAsLong();
    this.nextProgress = PROGRESS_EVERY.toNanos();
  }

  /** Waits for the next event's turn; false once the count or the duration is used up. */
  boolean next() throws InterruptedException {
    long elapsed = nanoClock.getAsLong() - start;
    if (sent >= maxEvents || elapsed >= durationNanos) {
      return false;
    }
    long due = (long) (sent * 1e9 / perSecond);
    if (due > elapsed) {
      // Sleeps in whole milliseconds: a 10,000/s run sends the events due since, in a burst.
      long waitNanos = due - elapsed;
      if (waitNanos >= 1_000_000) {
        Thread.sleep(waitNanos / 1_000_000);
      }
    }
    sent++;
    return true;
  }

  /** Prints a progress line when one is due; {@code detail} says what the simulation did. */
  void report(String detail) {
    long elapsed = nanoClock.getAsLong() - start;
    if (elapsed >= nextProgress) {
      nextProgress += PROGRESS_EVERY.toNanos();
      progress.println(line(elapsed, detail));
    }
  }

  /** The closing line. */
  void finish(String detail) {
    progress.println(line(nanoClock.getAsLong() - start, "done, " + detail));
  }

  long sent() {
    return sent;
  }

  private String line(long elapsedNanos, String detail) {
    double seconds = elapsedNanos / 1e9;
    return String.format(Locale.ROOT, "[%6.1fs] %s: %,d events (%,.0f/s), %s", seconds, name,
        sent, seconds > 0 ? sent / seconds : 0.0, detail);
  }
}
