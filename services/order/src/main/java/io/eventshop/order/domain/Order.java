package io.eventshop.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one order as the aggregator knows it. Verdicts may arrive before the placement
 * (the topics are read independently): such an order is not {@link #isPlaced() placed} yet and has
 * no lifecycle state.
 *
 * @param placedAt when the order was placed; {@code null} while only verdicts are known
 * @param state    {@code null} while not placed
 * @param reasons  why it was rejected (empty otherwise)
 * @param verdicts the validators' answers received so far
 */
public record Order(String id, String customerId, List<OrderLine> lines, BigDecimal total,
                    String idempotencyKey, Instant placedAt, OrderState state,
                    List<Reason> reasons, Map<Validator, Verdict> verdicts) {

  public Order {
    Objects.requireNonNull(id, "id");
    lines = List.copyOf(lines);
    reasons = List.copyOf(reasons);
    verdicts = verdicts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(verdicts));
  }

  /** An order nothing is known about yet. */
  public static Order unknown(String id) {
    return new Order(id, null, List.of(), null, null, null, null, List.of(), Map.of());
  }

  public boolean isPlaced() {
    return state != null;
  }

  public boolean hasAllVerdicts() {
    return verdicts.size() == Validator.values().length;
  }

  Order withState(OrderState newState, List<Reason> newReasons) {
    return new Order(id, customerId, lines, total, idempotencyKey, placedAt, newState, newReasons,
        verdicts);
  }

  Order withVerdict(Verdict verdict) {
    Map<Validator, Verdict> all = new EnumMap<>(Validator.class);
    all.putAll(verdicts);
    all.put(verdict.validator(), verdict);
    return new Order(id, customerId, lines, total, idempotencyKey, placedAt, state, reasons, all);
  }
}
