package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.ProductConversions;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderPlaced;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.JoinWindows;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.StreamJoined;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Conversions, two stream-stream joins: a checkout click carries the id of the order it placed,
 * so checkout ⋈ {@code OrderPlaced} (by order id) tells which visitor ordered which products;
 * then product views ⋈ those ordered products (by visitor, the order at most
 * {@code conversion-window} after the view, same sku) are the converted views, counted per
 * product per hour (of the order) → {@code product-conversions-per-hour}.
 *
 * <p>Views stay keyed by visitor, as the clickstream is, so only the ordered products are
 * repartitioned; the sku is compared in the joiner.
 */
public final class Conversions {

  /** Sku → converted views, per hour. */
  public static final String STORE = "product-conversions-per-hour";

  private static final Duration HOUR = Duration.ofHours(1);

  private Conversions() {
  }

  public static void build(KStream<String, ClickEvent> clicks, KStream<String, OrderEvent> orders,
                           AvroSerdes serdes, AnalyticsSettings settings) {
    Serde<ClickEvent> clickSerde = serdes.of(ClickEvent.class);
    KStream<String, ClickEvent> checkouts = clicks
        .filter((visitor, click) -> click != null && click.getAction() == ClickAction.CHECKOUT
            && click.getOrderId() != null, Named.as("checkouts"))
        .selectKey((visitor, checkout) -> checkout.getOrderId(), Named.as("key-checkout-by-order"))
        .repartition(Repartitioned.with(Serdes.String(), clickSerde)
            .withName("checkouts-by-order"));
    KStream<String, OrderEvent> placements = orders.filter(
        (orderId, event) -> event != null && event.getPayload() instanceof OrderPlaced,
        Named.as("placements"));

    // One CHECKOUT click per ordered product, with its sku, keyed by visitor.
    KStream<String, ClickEvent> orderedProducts = checkouts
        .join(placements, Conversions::orderedProducts,
            JoinWindows.ofTimeDifferenceAndGrace(settings.conversionWindow(), settings.grace()),
            StreamJoined.with(Serdes.String(), clickSerde, serdes.of(OrderEvent.class))
                .withName("checkout-with-order").withStoreName("checkout-with-order")
                .withDslStoreSuppliers(CheckpointedStores.ROCKS_DB))
        .flatMap((orderId, products) -> products.stream()
            .map(product -> KeyValue.pair(product.getVisitorId(), product)).toList(),
            Named.as("ordered-products"))
        .repartition(Repartitioned.with(Serdes.String(), clickSerde)
            .withName("ordered-products-by-visitor"));

    Serde<ProductConversions> conversions = serdes.of(ProductConversions.class);
    clicks
        .filter((visitor, click) -> click != null && click.getAction() == ClickAction.PRODUCT_VIEW
            && click.getSku() != null, Named.as("views-to-convert"))
        .join(orderedProducts,
            (view, ordered) -> view.getSku().equals(ordered.getSku()) ? view.getSku() : null,
            // only orders after the view: none before it, up to the window after
            JoinWindows.ofTimeDifferenceAndGrace(settings.conversionWindow(), settings.grace())
                .before(Duration.ZERO),
            StreamJoined.with(Serdes.String(), clickSerde, clickSerde)
                .withName("view-then-order").withStoreName("view-then-order")
                .withDslStoreSuppliers(CheckpointedStores.ROCKS_DB))
        .filter((visitor, sku) -> sku != null, Named.as("converted-views"))
        .groupBy((visitor, sku) -> sku, Grouped.with("conversions-by-sku", Serdes.String(),
            Serdes.String()))
        .windowedBy(TimeWindows.ofSizeAndGrace(HOUR, settings.grace()))
        .count(Named.as("count-conversions"), Materialized
            .<String, Long, WindowStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
            .withStoreType(CheckpointedStores.ROCKS_DB))
        .toStream(Named.as("conversions-per-hour"))
        .map((window, converted) -> KeyValue.pair(AnalyticsTopology.windowKey(window),
            new ProductConversions(window.key(), window.window().startTime(),
                window.window().endTime(), converted)), Named.as("conversion-records"))
        .to(Topics.PRODUCT_CONVERSIONS_PER_HOUR.name(),
            Produced.with(Serdes.String(), conversions));
  }

  private static List<ClickEvent> orderedProducts(ClickEvent checkout, OrderEvent order) {
    return ((OrderPlaced) order.getPayload()).getLines().stream()
        .map(line -> ClickEvent.newBuilder(checkout).setSku(line.getSku()).build())
        .toList();
  }
}
