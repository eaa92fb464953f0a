package io.eventshop.bench.load;

import io.eventshop.bench.load.ShopApi.Line;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every order the benchmark tried to place, by idempotency key: whether the shop accepted it
 * (its id), and the final state it reached. The correctness checks read it: every accepted order
 * must end final, and the stock reserved per product must equal the units of validated orders.
 */
public final class OrderLedger {

  /** States after which an order changes no more in a benchmark (no one cancels). */
  static final Set<String> FINAL_STATES = Set.of("VALIDATED", "REJECTED", "CANCELLED");

  /** One order the benchmark tried to place. */
  public static final class Tracked {
    final String key;
    final String customerId;
    final List<Line> lines;
    volatile String orderId;
    volatile String state;
    volatile List<String> reasons = List.of();

    Tracked(String key, String customerId, List<Line> lines) {
      this.key = key;
      this.customerId = customerId;
      this.lines = List.copyOf(lines);
    }

    boolean isFinal() {
      return state != null && FINAL_STATES.contains(state);
    }
  }

  private final Map<String, Tracked> byKey = new ConcurrentHashMap<>();

  Tracked track(String key, String customerId, List<Line> lines) {
    Tracked order = new Tracked(key, customerId, lines);
    byKey.put(key, order);
    return order;
  }

  /** Orders that are not known to be final: never accepted (as far as we know) or still open. */
  List<Tracked> unsettled() {
    return byKey.values().stream().filter(order -> !order.isFinal()).toList();
  }

  public long tried() {
    return byKey.size();
  }

  public long accepted() {
    return byKey.values().stream().filter(order -> order.orderId != null).count();
  }

  /** Final orders by state, e.g. {@code VALIDATED → 1234}. */
  public Map<String, Long> finalStates() {
    Map<String, Long> counts = new TreeMap<>();
    byKey.values().stream().filter(Tracked::isFinal)
        .forEach(order -> counts.merge(order.state, 1L, Long::sum));
    return counts;
  }

  /** Rejection reasons over all rejected orders, e.g. {@code FRAUD_SUSPECTED → 3}. */
  public Map<String, Long> rejectionReasons() {
    Map<String, Long> counts = new TreeMap<>();
    byKey.values().stream().filter(order -> "REJECTED".equals(order.state))
        .flatMap(order -> order.reasons.stream())
        .forEach(reason -> counts.merge(reason, 1L, Long::sum));
    return counts;
  }

  /** Units of every product in validated (and not cancelled) orders. */
  public Map<String, Long> validatedUnitsBySku() {
    Map<String, Long> units = new TreeMap<>();
    byKey.values().stream().filter(order -> "VALIDATED".equals(order.state))
        .flatMap(order -> order.lines.stream())
        .forEach(line -> units.merge(line.sku(), (long) line.quantity(), Long::sum));
    return units;
  }

  /** Mean lines per accepted order (each line is a stock event and a stock level write). */
  public double meanLinesPerOrder() {
    return byKey.values().stream().filter(order -> order.orderId != null)
        .mapToInt(order -> order.lines.size()).average().orElse(1);
  }
}
