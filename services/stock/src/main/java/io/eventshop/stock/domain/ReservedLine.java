package io.eventshop.stock.domain;

/** Units of one product held for one order. */
public record ReservedLine(String sku, long quantity) {
}
