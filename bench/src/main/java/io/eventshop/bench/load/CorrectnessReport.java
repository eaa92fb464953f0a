package io.eventshop.bench.load;

import java.util.List;
import java.util.Map;

/**
 * What the benchmark checked while it measured.
 *
 * @param tried            orders the benchmark tried to place
 * @param accepted         orders the shop accepted (202 with an id), on first try or on a retry
 *                         with the same idempotency key
 * @param refused          orders the shop refused even on the retry (never created)
 * @param lost             accepted orders that never reached a final state
 * @param finalStates      final orders by state
 * @param rejectionReasons reasons over the rejected orders
 * @param productsChecked  products whose stock level was checked against the orders
 * @param problems         every violation found; empty means the run is correct
 */
public record CorrectnessReport(long tried, long accepted, long refused, long lost,
                                Map<String, Long> finalStates,
                                Map<String, Long> rejectionReasons, int productsChecked,
                                List<String> problems) {

  public boolean ok() {
    return problems.isEmpty();
  }
}
