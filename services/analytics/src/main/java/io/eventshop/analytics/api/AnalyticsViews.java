package io.eventshop.analytics.api;

import io.eventshop.contracts.analytics.CategoryActivity;
import io.eventshop.contracts.analytics.CountryCategoryRevenue;
import io.eventshop.contracts.analytics.ProductViewCount;
import io.eventshop.contracts.analytics.TrendingProducts;
import io.eventshop.contracts.analytics.VisitorSession;
import io.eventshop.contracts.analytics.ZoneReadings;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the analytics API answers: plain JSON records, not the Avro classes of the stores. */
public final class AnalyticsViews {

  private AnalyticsViews() {
  }

  /** How often something happened in one window. */
  public record WindowCount(Instant windowStart, Instant windowEnd, long count) {
  }

  /** The most viewed products of the trending window that covers the last stretch of time. */
  public record Trending(Instant windowStart, Instant windowEnd, List<ProductViews> products) {

    static Trending of(TrendingProducts trending) {
      return new Trending(trending.getWindowStart(), trending.getWindowEnd(),
          trending.getProducts().stream().map(ProductViews::of).toList());
    }
  }

  /** One product of a trending window. */
  public record ProductViews(String sku, long views) {

    static ProductViews of(ProductViewCount count) {
      return new ProductViews(count.getSku(), count.getViews());
    }
  }

  /** One visitor session (possibly still open). */
  public record Session(Instant start, Instant end, long events, long productViews,
                        long addedToCart, boolean converted) {

    static Session of(Instant start, Instant end, VisitorSession session) {
      return new Session(start, end, session.getEvents(), session.getProductViews(),
          session.getAddedToCart(), session.getConverted());
    }
  }

  /** One minute of a category: views, add-to-carts and their value in CHF. */
  public record Activity(Instant windowStart, Instant windowEnd, long views, long addedToCart,
                         BigDecimal cartValue) {

    static Activity of(Instant start, Instant end, CategoryActivity activity) {
      return new Activity(start, end, activity.getViews(), activity.getAddedToCart(),
          activity.getCartValue());
    }
  }

  /** One minute of a zone's readings of one kind. */
  public record Readings(Instant windowStart, Instant windowEnd, String unit, long readings,
                         double min, double avg, double max) {

    static Readings of(Instant start, Instant end, ZoneReadings readings) {
      return new Readings(start, end, readings.getUnit(), readings.getReadings(),
          readings.getMin(), readings.getAvg(), readings.getMax());
    }
  }

  /** One minute of revenue of a country and category, in CHF. */
  public record RevenuePerMinute(Instant windowStart, Instant windowEnd, BigDecimal revenue,
                                 long lines) {

    static RevenuePerMinute of(Instant start, Instant end, CountryCategoryRevenue revenue) {
      return new RevenuePerMinute(start, end, revenue.getRevenue(), revenue.getLines());
    }
  }
}
