package io.eventshop.bench.load;

/**
 * An open-loop phase: orders sent on a fixed schedule of {@code offeredRate} per second whatever
 * the shop's answers; latency from each order's intended send time to its final state.
 *
 * @param sent         orders sent
 * @param dropped      orders not sent because too many were in flight (the client's bound)
 * @param orders       orders that reached a final state
 * @param failed       orders sent that failed (HTTP error, timeout, not final by the deadline)
 * @param achievedRate final orders per second, from the phase's start to its last final state
 * @param sustained    whether the shop kept up with the rate, see {@link #sustains}
 */
public record OpenLoopResult(double offeredRate, long sent, long dropped, long orders,
                             long failed, double achievedRate, LatencySummary latency,
                             boolean sustained) {

  /** Below this share of the offered rate, the shop did not keep up. */
  static final double KEPT_UP = 0.95;

  /**
   * A rate is sustained when the shop finished at least {@value #KEPT_UP} of it per second,
   * nothing was dropped or failed, and p99 stayed under {@value LoadPhases#SUSTAINED_P99_MS} ms.
   */
  static boolean sustains(double offered, double achieved, long dropped, long failed,
                          LatencySummary latency) {
    return achieved >= KEPT_UP * offered && dropped == 0 && failed == 0 && latency.count() > 0
        && latency.p99Ms() < LoadPhases.SUSTAINED_P99_MS;
  }
}
