package io.eventshop.stock.domain;

/** Why stock could not serve an order. */
public enum StockProblem {
  /** Fewer units available than the order asks for. */
  OUT_OF_STOCK,
  /** Stock never received goods of this sku, so it does not know the product. */
  UNKNOWN_PRODUCT
}
