package io.eventshop.gateway.stock;

/**
 * A product's stock as the stock service tells it ({@code GET /api/stock/{sku}}):
 * {@code available = onHand - reserved}.
 */
public record StockLevel(String sku, long onHand, long reserved, long available) {
}
