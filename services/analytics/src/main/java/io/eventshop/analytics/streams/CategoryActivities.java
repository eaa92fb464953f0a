package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.CategoryActivity;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.product.Product;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Clicks ⋈ products: each product view and add-to-cart with its product's category and price,
 * summed per category per minute (views, add-to-carts, cart value) →
 * {@code category-activity-per-minute}. Clicks of a sku the catalogue does not know are left out.
 *
 * <p>The table side is the global table of products, not a partitioned KTable: the catalogue is
 * small, every instance holds all of it, and so the clicks need no repartition by sku before the
 * join (and a topic can feed only one table of a topology: the enrichment reads the same one).
 */
public final class CategoryActivities {

  /** Category → activity, per minute. */
  public static final String STORE = "category-activity-per-minute";

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private CategoryActivities() {
  }

  public static void build(KStream<String, ClickEvent> clicks, GlobalKTable<String, Product> products,
                           AvroSerdes serdes, AnalyticsSettings settings) {
    Serde<CategoryActivity> activity = serdes.of(CategoryActivity.class);
    clicks
        .filter((visitor, click) -> click != null && click.getSku() != null
                && (click.getAction() == ClickAction.PRODUCT_VIEW
                || click.getAction() == ClickAction.ADD_TO_CART),
            Named.as("product-clicks"))
        .join(products, (visitor, click) -> click.getSku(), CategoryActivities::activityOf,
            Named.as("clicks-with-products"))
        .groupBy((visitor, one) -> one.getCategory(),
            Grouped.with("activity-by-category", Serdes.String(), activity))
        .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, settings.grace()))
        .reduce(CategoryActivities::sum, Named.as("sum-category-activity"), Materialized
            .<String, CategoryActivity, WindowStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String()).withValueSerde(activity)
            .withStoreType(CheckpointedStores.ROCKS_DB))
        .toStream(Named.as("category-activity"))
        .map((window, sum) -> KeyValue.pair(AnalyticsTopology.windowKey(window),
            CategoryActivity.newBuilder(sum).setWindowStart(window.window().startTime())
                .setWindowEnd(window.window().endTime()).build()),
            Named.as("category-activity-records"))
        .to(Topics.CATEGORY_ACTIVITY_PER_MINUTE.name(), Produced.with(Serdes.String(), activity));
  }

  /** One click's share of its category's activity. */
  private static CategoryActivity activityOf(ClickEvent click, Product product) {
    boolean toCart = click.getAction() == ClickAction.ADD_TO_CART;
    return new CategoryActivity(product.getCategory(), Instant.EPOCH, Instant.EPOCH,
        toCart ? 0L : 1L, toCart ? 1L : 0L, toCart ? product.getPrice() : BigDecimal.ZERO);
  }

  private static CategoryActivity sum(CategoryActivity a, CategoryActivity b) {
    return new CategoryActivity(a.getCategory(), a.getWindowStart(), a.getWindowEnd(),
        a.getViews() + b.getViews(), a.getAddedToCart() + b.getAddedToCart(),
        a.getCartValue().add(b.getCartValue()));
  }
}
