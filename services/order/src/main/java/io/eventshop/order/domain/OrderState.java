package io.eventshop.order.domain;

/** Where an order is in its lifecycle: PLACED → VALIDATED | REJECTED; VALIDATED → CANCELLED. */
public enum OrderState {
  PLACED, VALIDATED, REJECTED, CANCELLED;

  /** Whether the validation outcome is known: the order will never be PLACED again. */
  public boolean isDecided() {
    return this != PLACED;
  }
}
