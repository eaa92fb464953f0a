package io.eventshop.stock.domain;

/** What the warehouse holds of one product: {@code reserved ≤ onHand} always. */
public record StockLevel(String sku, long onHand, long reserved) {

  public StockLevel {
    if (reserved < 0 || onHand < reserved) {
      throw new IllegalStateException(sku + ": need 0 <= reserved <= onHand, got reserved "
          + reserved + " of " + onHand);
    }
  }

  public static StockLevel empty(String sku) {
    return new StockLevel(sku, 0, 0);
  }

  public long available() {
    return onHand - reserved;
  }

  StockLevel received(long quantity) {
    return new StockLevel(sku, onHand + quantity, reserved);
  }

  StockLevel reserved(long quantity) {
    return new StockLevel(sku, onHand, reserved + quantity);
  }

  StockLevel released(long quantity) {
    return new StockLevel(sku, onHand, reserved - quantity);
  }
}
