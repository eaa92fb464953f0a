package io.eventshop.stock.domain;

import java.util.List;
import java.util.Optional;

/**
 * Everything one decision of {@link Stock} asks to be written, in one transaction: the events, the
 * new levels, the reservation written or removed, the verdict for the order.
 */
public record StockChange(List<StockEvent> events, List<StockLevel> levels,
                          Optional<Reservation> reservationWritten,
                          Optional<String> reservationRemoved,
                          Optional<StockVerdict> verdict) {

  public static final StockChange NONE =
      new StockChange(List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());

  public StockChange {
    events = List.copyOf(events);
    levels = List.copyOf(levels);
  }

  public boolean isNone() {
    return events.isEmpty() && levels.isEmpty() && reservationWritten.isEmpty()
        && reservationRemoved.isEmpty() && verdict.isEmpty();
  }
}
