package io.eventshop.bench.load;

import io.eventshop.bench.load.OrderLedger.Tracked;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one pipeline phase counts: the orders written and not yet answered with their intended
 * send times, the outcomes read (latency, state, reasons, duplicates), and the ledger entries
 * they settle, so the run's correctness check covers these orders too. Thread-safe: the
 * scheduler, the producer's callbacks and the outcome reader all write here.
 */
final class PipelineTally {

  private record Pending(long intendedNanos, Tracked order) {
  }

  private final Map<String, Pending> pending = new HashMap<>();
  private final Set<String> answered = new HashSet<>();
  private final Histogram latencies = LatencySummary.newHistogram();
  private final Map<String, Long> reasons = new TreeMap<>();
  private long produced;
  private long sendFailures;
  private long validated;
  private long rejected;
  private long duplicates;
  private long lastOutcomeNanos;

  /** An order about to be written, meant to go at {@code intendedNanos}. */
  synchronized void sent(String orderId, long intendedNanos, Tracked order) {
    produced++;
    pending.put(orderId, new Pending(intendedNanos, order));
  }

  /** The broker did not take the order: no outcome will come. */
  synchronized void sendFailed(String orderId) {
    if (pending.remove(orderId) != null) {
      sendFailures++;
    }
  }

  /** Whether an event of {@code orderId} on {@code orders} belongs to this phase. */
  synchronized boolean isOurs(String orderId) {
    return pending.containsKey(orderId) || answered.contains(orderId);
  }

  /** An outcome read at {@code readNanos}; a second one of the same order is a duplicate. */
  synchronized void outcome(String orderId, String state, List<String> why, long readNanos) {
    Pending order = pending.remove(orderId);
    if (order == null) {
      if (answered.contains(orderId)) {
        duplicates++;
      }
      return;
    }
    answered.add(orderId);
    latencies.recordValue(Math.max(0, (readNanos - order.intendedNanos()) / 1_000));
    lastOutcomeNanos = Math.max(lastOutcomeNanos, readNanos);
    if ("VALIDATED".equals(state)) {
      validated++;
    } else {
      rejected++;
      why.forEach(reason -> reasons.merge(reason, 1L, Long::sum));
    }
    order.order().reasons = List.copyOf(why);
    order.order().state = state;
  }

  /** Whether every order written has its outcome (or failed to be written). */
  synchronized boolean settled() {
    return pending.isEmpty();
  }

  /** The phase as measured from {@code startNanos} to now. */
  synchronized PipelineResult result(double offeredRate, long startNanos) {
    long outcomes = latencies.getTotalCount();
    double seconds = Math.max(0, lastOutcomeNanos - startNanos) / 1e9;
    double achieved = seconds == 0 ? 0 : LoadPhases.round(outcomes / seconds);
    LatencySummary latency = LatencySummary.of(latencies);
    long missing = pending.size();
    return new PipelineResult(offeredRate, produced, sendFailures, outcomes, validated, rejected,
        reasons, missing, duplicates, achieved, latency,
        OpenLoopResult.sustains(offeredRate, achieved, 0, missing + sendFailures + duplicates,
            latency));
  }
}
