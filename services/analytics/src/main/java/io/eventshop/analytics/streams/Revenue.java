package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.CountryCategoryRevenue;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.analytics.EnrichedOrderState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Revenue per customer country and product category per minute, from {@code orders-enriched}
 * → {@code revenue-per-minute}. Only validated orders count: an order's lines are added when it
 * is validated and taken off again when it is cancelled (only a validated order can be); placed
 * and rejected orders add nothing. Every enriched record counts at its order's placement
 * ({@link EventTime}), so a cancellation lands in the minute its order was counted in, as long as
 * it comes within {@code revenue-grace} of event time.
 */
public final class Revenue {

  /** {@code <country>/<category>} → revenue, per minute. */
  public static final String STORE = "revenue-per-minute";
  /** Country or category of a customer or sku the shop did not know at the time. */
  public static final String UNKNOWN = "?";

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private Revenue() {
  }

  public static void build(KStream<String, EnrichedOrder> enrichedOrders, AvroSerdes serdes,
                           AnalyticsSettings settings) {
    Serde<CountryCategoryRevenue> revenue = serdes.of(CountryCategoryRevenue.class);
    enrichedOrders
        .flatMap((orderId, order) -> revenueOf(order).stream()
            .map(share -> KeyValue.pair(key(share.getCountry(), share.getCategory()), share))
            .toList(), Named.as("revenue-shares"))
        .groupByKey(Grouped.with("revenue-by-country-and-category", Serdes.String(), revenue))
        .windowedBy(TimeWindows.ofSizeAndGrace(MINUTE, settings.revenueGrace()))
        .reduce(Revenue::sum, Named.as("sum-revenue"), Materialized
            .<String, CountryCategoryRevenue, WindowStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String()).withValueSerde(revenue)
            .withStoreType(CheckpointedStores.ROCKS_DB))
        .toStream(Named.as("revenue-per-minute"))
        .map((window, sum) -> KeyValue.pair(AnalyticsTopology.windowKey(window),
            CountryCategoryRevenue.newBuilder(sum).setWindowStart(window.window().startTime())
                .setWindowEnd(window.window().endTime()).build()),
            Named.as("revenue-records"))
        .to(Topics.REVENUE_PER_MINUTE.name(), Produced.with(Serdes.String(), revenue));
  }

  /** {@code <country>/<category>}: the key of one revenue series. */
  public static String key(String country, String category) {
    return country + "/" + category;
  }

  /** What an order's change adds to (or, for a cancellation, takes off) the revenue. */
  static List<CountryCategoryRevenue> revenueOf(EnrichedOrder order) {
    if (order == null) {
      return List.of();
    }
    int sign;
    if (order.getState() == EnrichedOrderState.VALIDATED) {
      sign = 1;
    } else if (order.getState() == EnrichedOrderState.CANCELLED) {
      sign = -1;
    } else {
      return List.of();
    }
    String country = order.getCountry() == null ? UNKNOWN : order.getCountry();
    return order.getLines().stream().map(line -> new CountryCategoryRevenue(country,
        line.getCategory() == null ? UNKNOWN : line.getCategory(), Instant.EPOCH, Instant.EPOCH,
        amountOf(line).multiply(BigDecimal.valueOf(sign)), (long) sign)).toList();
  }

  private static BigDecimal amountOf(EnrichedOrderLine line) {
    return line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity()));
  }

  private static CountryCategoryRevenue sum(CountryCategoryRevenue a, CountryCategoryRevenue b) {
    return new CountryCategoryRevenue(a.getCountry(), a.getCategory(), a.getWindowStart(),
        a.getWindowEnd(), a.getRevenue().add(b.getRevenue()), a.getLines() + b.getLines());
  }
}
