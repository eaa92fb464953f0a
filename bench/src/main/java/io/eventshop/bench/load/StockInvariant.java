package io.eventshop.bench.load;

import java.util.ArrayList;
import java.util.List;

/** The stock invariant of one product, as the order-flow issue states it. */
final class StockInvariant {

  private StockInvariant() {
  }

  /** What is wrong with a product's stock level given the orders; empty when it holds. */
  static List<String> violations(String sku, long received, long validatedUnits, long onHand,
                                 long reserved) {
    List<String> problems = new ArrayList<>();
    if (validatedUnits > received) {
      problems.add(sku + ": " + validatedUnits + " units in validated orders but only " + received
          + " received (oversold)");
    }
    if (onHand != received) {
      problems.add(sku + ": onHand " + onHand + " but " + received + " received");
    }
    if (reserved != validatedUnits) {
      problems.add(sku + ": reserved " + reserved + " but " + validatedUnits
          + " units in validated orders");
    }
    return problems;
  }
}
