package io.eventshop.stock.domain;

import java.util.List;

/**
 * What stock decided for one order: the units it holds, or no lines when the order could not be
 * served. Kept until the order is rejected or cancelled, so a replayed or duplicated placement is
 * recognised and a release happens once.
 */
public record Reservation(String orderId, List<ReservedLine> lines) {

  public Reservation {
    lines = List.copyOf(lines);
  }

  public boolean holdsStock() {
    return !lines.isEmpty();
  }
}
