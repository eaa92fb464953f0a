package io.eventshop.stock.domain;

import java.time.Instant;

/** What happened to the stock of one product. */
public sealed interface StockEvent {

  String sku();

  Instant occurredAt();

  record GoodsReceived(String sku, long quantity, Instant occurredAt) implements StockEvent {
  }

  record StockReserved(String sku, String orderId, long quantity, Instant occurredAt)
      implements StockEvent {
  }

  record StockReleased(String sku, String orderId, long quantity, String reason,
                       Instant occurredAt) implements StockEvent {
  }
}
