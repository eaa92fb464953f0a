package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.analytics.domain.TopProducts;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.ProductViewCount;
import io.eventshop.contracts.analytics.TrendingProducts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.Suppressed.BufferConfig;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Product views, two ways, from one repartition of the views by sku:
 * <ul>
 *   <li>tumbling: views per product per minute → {@code product-views-per-minute}, final
 *       values only (suppressed until the window has closed: its end plus the grace period);</li>
 *   <li>hopping: trending products, views over {@code trending-window} advancing every
 *       {@code trending-advance}, the top {@code trending-size} of each window →
 *       {@code trending-products}, updated as views come in.</li>
 * </ul>
 */
public final class ProductViews {

  /** Sku → views, per minute (live counts; the topic gets the final ones). */
  public static final String PER_MINUTE_STORE = "product-views-per-minute";
  /** Sku → views, per trending window. */
  public static final String TRENDING_COUNTS_STORE = "trending-view-counts";
  /**
   * Window start (epoch ms, as text) → the window's top products, in a window store whose one
   * window per key starts at that start (so old windows expire).
   */
  public static final String TRENDING_STORE = "trending-products";

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private ProductViews() {
  }

  public static void build(KStream<String, ClickEvent> clicks, AvroSerdes serdes,
                           AnalyticsSettings settings) {
    Serde<ClickEvent> clickSerde = serdes.of(ClickEvent.class);
    Serde<ProductViewCount> counts = serdes.of(ProductViewCount.class);
    KGroupedStream<String, ClickEvent> viewsBySku = clicks
        .filter((visitor, click) -> isProductView(click), Named.as("product-views"))
        .selectKey((visitor, view) -> view.getSku(), Named.as("key-view-by-sku"))
        .repartition(Repartitioned.with(Serdes.String(), clickSerde).withName("views-by-sku"))
        .groupByKey(Grouped.with(Serdes.String(), clickSerde));

    viewsBySku
        .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, settings.grace()))
        .count(Named.as("count-views-per-minute"), Materialized
            .<String, Long, WindowStore<Bytes, byte[]>>as(PER_MINUTE_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
            .withStoreType(CheckpointedStores.ROCKS_DB))
        .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())
            .withName("final-views-per-minute"))
        .toStream(Named.as("views-per-minute"))
        .map((window, views) -> KeyValue.pair(AnalyticsTopology.windowKey(window),
            viewCount(window, views)), Named.as("views-per-minute-records"))
        .to(Topics.PRODUCT_VIEWS_PER_MINUTE.name(), Produced.with(Serdes.String(), counts));

    Serde<TrendingProducts> trending = serdes.of(TrendingProducts.class);
    viewsBySku
        .windowedBy(TimeWindows.ofSizeAndGrace(settings.trendingWindow(), settings.grace())
            .advanceBy(settings.trendingAdvance()))
        .count(Named.as("count-trending-views"), Materialized
            .<String, Long, WindowStore<Bytes, byte[]>>as(TRENDING_COUNTS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())
            .withStoreType(CheckpointedStores.ROCKS_DB))
        .toStream(Named.as("trending-view-counts"))
        // keyed by the window and stamped with its start, so that the top list of a window
        // lives in exactly one tumbling window of its own and expires with the store
        .process(TrendingWindowCounts::new, Named.as("key-count-by-window"))
        .groupByKey(Grouped.with("trending-by-window", Serdes.String(), counts))
        .windowedBy(TimeWindows.ofSizeAndGrace(settings.trendingAdvance(),
            settings.trendingWindow().plus(settings.grace())))
        .aggregate(ProductViews::noneTrending,
            (windowStart, count, top) -> new TrendingProducts(count.getWindowStart(),
                count.getWindowEnd(),
                TopProducts.with(top.getProducts(), count, settings.trendingSize())),
            Named.as("top-products"),
            Materialized.<String, TrendingProducts, WindowStore<Bytes, byte[]>>as(TRENDING_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(trending)
                .withStoreType(CheckpointedStores.ROCKS_DB))
        .toStream(Named.as("trending-products"))
        .selectKey((window, top) -> window.key(), Named.as("key-trending-by-window-start"))
        .to(Topics.TRENDING_PRODUCTS.name(), Produced.with(Serdes.String(), trending));
  }

  /**
   * The start of the trending window that covers the longest stretch up to {@code at}: the
   * earliest window still open at {@code at}. Windows start every {@code advance}, aligned to the
   * epoch, as Kafka Streams aligns them.
   */
  public static Instant trendingWindowStartAt(Instant at, Duration window, Duration advance) {
    long advanceMs = advance.toMillis();
    long earliestOpen = Math.floorDiv(at.toEpochMilli() - window.toMillis(), advanceMs)
        * advanceMs + advanceMs;
    return Instant.ofEpochMilli(earliestOpen);
  }

  private static boolean isProductView(ClickEvent click) {
    return click != null && click.getAction() == ClickAction.PRODUCT_VIEW && click.getSku() != null;
  }

  private static ProductViewCount viewCount(Windowed<String> window, long views) {
    return new ProductViewCount(window.key(), window.window().startTime(),
        window.window().endTime(), views);
  }

  private static TrendingProducts noneTrending() {
    return new TrendingProducts(Instant.EPOCH, Instant.EPOCH, List.of());
  }
}
