package io.eventshop.bench.load;

/**
 * A closed-loop phase: {@code clients} clients, each placing an order and waiting for its final
 * state before the next; latency from the POST to the final state.
 *
 * @param orders          orders that reached a final state in the phase
 * @param failed          orders that failed (HTTP error, timeout, not final by the deadline)
 * @param seconds         from the phase's start to its last final state
 */
public record ClosedLoopResult(int clients, long orders, long failed, double seconds,
                               double ordersPerSecond, LatencySummary latency) {
}
