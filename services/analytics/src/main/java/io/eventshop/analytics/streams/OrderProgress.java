package io.eventshop.analytics.streams;

import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.analytics.EnrichedOrderState;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.product.Product;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Follows each order through its events and forwards the order as it stands after each change,
 * its lines named from the catalogue at placement. Only real changes are forwarded (a duplicate
 * placement, or an outcome of an order that has one, is not), so that downstream sums — the
 * revenue — count every order once. Validated, rejected and cancelled events carry no lines:
 * that is why the placement is kept.
 */
final class OrderProgress implements FixedKeyProcessor<String, OrderEvent, EnrichedOrder> {

  private FixedKeyProcessorContext<String, EnrichedOrder> context;
  private KeyValueStore<String, EnrichedOrder> progress;
  private TimestampedKeyValueStore<String, Product> products;

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedOrder> context) {
    this.context = context;
    progress = context.getStateStore(OrderEnrichment.ORDER_PROGRESS_STORE);
    // A global store: every task may read it without connecting to it.
    products = context.getStateStore(AnalyticsTopology.PRODUCTS_STORE);
  }

  @Override
  public void process(FixedKeyRecord<String, OrderEvent> record) {
    if (record.value() == null) {
      return;
    }
    advance(progress.get(record.key()), record.value()).ifPresent(next -> {
      if (next.getState() == EnrichedOrderState.PLACED
          || next.getState() == EnrichedOrderState.VALIDATED) {
        progress.put(record.key(), next);
      } else {
        // Rejected and cancelled orders change no more.
        progress.delete(record.key());
      }
      context.forward(record.withValue(next));
    });
  }

  /** The order after {@code event}, or empty if the event changes nothing. */
  private Optional<EnrichedOrder> advance(EnrichedOrder known, OrderEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof OrderPlaced placed) {
      return known == null ? Optional.of(placedOrder(event, placed)) : Optional.empty();
    }
    if (known == null) {
      return Optional.empty();
    }
    EnrichedOrderState next = null;
    if (known.getState() == EnrichedOrderState.PLACED) {
      if (payload instanceof OrderValidated) {
        next = EnrichedOrderState.VALIDATED;
      } else if (payload instanceof OrderRejected) {
        next = EnrichedOrderState.REJECTED;
      }
    } else if (known.getState() == EnrichedOrderState.VALIDATED
        && payload instanceof OrderCancelled) {
      next = EnrichedOrderState.CANCELLED;
    }
    return Optional.ofNullable(next)
        .map(state -> EnrichedOrder.newBuilder(known).setState(state).build());
  }

  private EnrichedOrder placedOrder(OrderEvent event, OrderPlaced placed) {
    return EnrichedOrder.newBuilder()
        .setOrderId(event.getOrderId())
        .setCustomerId(event.getCustomerId())
        .setTotal(placed.getTotal())
        .setPlacedAt(event.getOccurredAt())
        .setState(EnrichedOrderState.PLACED)
        .setLines(placed.getLines().stream().map(this::named).toList())
        .build();
  }

  private EnrichedOrderLine named(OrderLine line) {
    Product product = Optional.ofNullable(products.get(line.getSku()))
        .map(ValueAndTimestamp::value).orElse(null);
    return new EnrichedOrderLine(line.getSku(), line.getQuantity(), line.getUnitPrice(),
        product == null ? null : product.getName(), product == null ? null : product.getCategory());
  }
}
