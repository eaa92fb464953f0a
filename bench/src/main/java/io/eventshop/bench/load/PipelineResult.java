package io.eventshop.bench.load;

import java.util.Map;

/**
 * A pipeline phase: {@code OrderPlaced} written straight to {@code orders} at
 * {@code offeredRate} per second, as the order service's producer would, and the outcomes read
 * back; latency from each order's intended send time to its outcome being readable
 * (read_committed), so HTTP is not in it.
 *
 * @param produced         orders handed to the producer
 * @param sendFailures     orders the broker did not take (the producer's callback failed)
 * @param outcomes         orders whose first outcome ({@code OrderValidated} or
 *                         {@code OrderRejected}) was read
 * @param rejectionReasons reasons over the rejected orders
 * @param missing          orders written without an outcome by the order deadline
 * @param duplicates       outcomes read for an order that already had one (exactly-once says 0)
 * @param achievedRate     outcomes per second, from the phase's start to its last outcome
 * @param sustained        see {@link OpenLoopResult#sustains}: at least 95 % of the rate, p99
 *                         under {@value LoadPhases#SUSTAINED_P99_MS} ms, nothing failed or missing
 */
public record PipelineResult(double offeredRate, long produced, long sendFailures, long outcomes,
                             long validated, long rejected, Map<String, Long> rejectionReasons,
                             long missing, long duplicates, double achievedRate,
                             LatencySummary latency, boolean sustained) {

  public PipelineResult {
    rejectionReasons = Map.copyOf(rejectionReasons);
  }
}
