package io.eventshop.stock.domain;

import io.eventshop.stock.domain.StockEvent.GoodsReceived;
import io.eventshop.stock.domain.StockEvent.StockReleased;
import io.eventshop.stock.domain.StockEvent.StockReserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All stock of the shop, in memory, changed by one thread only (the single writer). Every product
 * an order asks for is reserved in one step or none is; a reservation is released at most once.
 *
 * <p>Not thread-safe by design: the processor owns it; readers get copies via {@link #levelOf}.
 */
public final class Stock {

  private final Map<String, StockLevel> levels = new HashMap<>();
  private final Map<String, Reservation> reservations = new HashMap<>();

  /** Rebuilds the state from what was last written to the compacted topics. */
  public static Stock restore(Collection<StockLevel> levels, Collection<Reservation> reservations) {
    Stock stock = new Stock();
    levels.forEach(level -> stock.levels.put(level.sku(), level));
    reservations.forEach(reservation -> stock.reservations.put(reservation.orderId(), reservation));
    return stock;
  }

  public Optional<StockLevel> levelOf(String sku) {
    return Optional.ofNullable(levels.get(sku));
  }

  public Optional<Reservation> reservationOf(String orderId) {
    return Optional.ofNullable(reservations.get(orderId));
  }

  public Collection<StockLevel> levels() {
    return List.copyOf(levels.values());
  }

  /** Goods arrived in the warehouse. */
  public StockChange receive(String sku, long quantity, Instant at) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("a receipt must be positive: " + quantity);
    }
    StockLevel level = levels.getOrDefault(sku, StockLevel.empty(sku)).received(quantity);
    levels.put(sku, level);
    return new StockChange(List.of(new GoodsReceived(sku, quantity, at)), List.of(level),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reserves every line of an order, or none. An order already decided (a replayed or duplicated
   * placement) changes nothing.
   */
  public StockChange reserve(String orderId, String customerId, List<ReservedLine> lines,
                             Instant at) {
    if (reservations.containsKey(orderId)) {
      return StockChange.NONE;
    }
    Map<String, Long> wanted = unitsPerSku(lines);
    List<String> unknown = new ArrayList<>();
    List<String> scarce = new ArrayList<>();
    wanted.forEach((sku, units) -> {
      StockLevel level = levels.get(sku);
      if (level == null) {
        unknown.add(sku);
      } else if (level.available() < units) {
        scarce.add(sku);
      }
    });
    if (!unknown.isEmpty() || !scarce.isEmpty()) {
      return refuse(orderId, customerId, unknown, scarce);
    }
    List<StockEvent> events = new ArrayList<>();
    List<StockLevel> changed = new ArrayList<>();
    List<ReservedLine> held = new ArrayList<>();
    wanted.forEach((sku, units) -> {
      StockLevel level = levels.get(sku).reserved(units);
      levels.put(sku, level);
      changed.add(level);
      held.add(new ReservedLine(sku, units));
      events.add(new StockReserved(sku, orderId, units, at));
    });
    Reservation reservation = new Reservation(orderId, held);
    reservations.put(orderId, reservation);
    return new StockChange(events, changed, Optional.of(reservation), Optional.empty(),
        Optional.of(new StockVerdict(orderId, customerId, true, List.of(), null)));
  }

  /**
   * Gives back what an order holds because it was rejected or cancelled; forgets the order. A
   * second release of the same order changes nothing.
   */
  public StockChange release(String orderId, String reason, Instant at) {
    Reservation reservation = reservations.remove(orderId);
    if (reservation == null) {
      return StockChange.NONE;
    }
    List<StockEvent> events = new ArrayList<>();
    List<StockLevel> changed = new ArrayList<>();
    for (ReservedLine line : reservation.lines()) {
      StockLevel level = levels.get(line.sku()).released(line.quantity());
      levels.put(line.sku(), level);
      changed.add(level);
      events.add(new StockReleased(line.sku(), orderId, line.quantity(), reason, at));
    }
    return new StockChange(events, changed, Optional.empty(), Optional.of(orderId),
        Optional.empty());
  }

  private StockChange refuse(String orderId, String customerId, List<String> unknown,
                             List<String> scarce) {
    List<StockProblem> problems = new ArrayList<>();
    List<String> details = new ArrayList<>();
    if (!unknown.isEmpty()) {
      problems.add(StockProblem.UNKNOWN_PRODUCT);
      details.add("never stocked: " + String.join(", ", unknown));
    }
    if (!scarce.isEmpty()) {
      problems.add(StockProblem.OUT_OF_STOCK);
      details.add("not enough available: " + String.join(", ", scarce));
    }
    // Remembering the refusal (a reservation without lines) makes a duplicated placement a no-op.
    Reservation nothingHeld = new Reservation(orderId, List.of());
    reservations.put(orderId, nothingHeld);
    return new StockChange(List.of(), List.of(), Optional.of(nothingHeld), Optional.empty(),
        Optional.of(new StockVerdict(orderId, customerId, false, problems,
            String.join("; ", details))));
  }

  private static Map<String, Long> unitsPerSku(List<ReservedLine> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    Map<String, Long> units = new LinkedHashMap<>();
    for (ReservedLine line : lines) {
      if (line.quantity() <= 0) {
        throw new IllegalArgumentException(line.sku() + ": quantity must be positive");
      }
      units.merge(line.sku(), line.quantity(), Long::sum);
    }
    return units;
  }
}
