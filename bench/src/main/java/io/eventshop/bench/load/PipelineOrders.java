package io.eventshop.bench.load;

import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The {@code OrderPlaced} records of the pipeline phase, exactly as the order service writes
 * them ({@code OrderRecords.toRecord}): an order id minted into the customer's partition (the
 * customer and fraud validators need a customer's orders in one task), the seeded unit prices,
 * the total as their sum, and the idempotency key.
 */
final class PipelineOrders {

  private final OrderIds ids = new OrderIds();
  private final Map<String, BigDecimal> prices;

  PipelineOrders(Map<String, BigDecimal> priceBySku) {
    this.prices = Map.copyOf(priceBySku);
  }

  /** A new order id in {@code customerId}'s partition of {@code orders}. */
  String mintId(String customerId) {
    return ids.mintFor(customerId);
  }

  OrderEvent placed(String orderId, String customerId, List<Line> lines, String idempotencyKey,
                    Instant at) {
    List<OrderLine> records = lines.stream()
        .map(line -> new OrderLine(line.sku(), line.quantity(), priceOf(line.sku()))).toList();
    BigDecimal total = records.stream()
        .map(line -> line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())))
        .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    // timestamp-millis: the order service's own events carry no finer time either
    return new OrderEvent(orderId, customerId, at.truncatedTo(ChronoUnit.MILLIS),
        new OrderPlaced(records, total, idempotencyKey));
  }

  private BigDecimal priceOf(String sku) {
    BigDecimal price = prices.get(sku);
    if (price == null) {
      throw new IllegalArgumentException("no seeded price of " + sku);
    }
    return price;
  }
}
