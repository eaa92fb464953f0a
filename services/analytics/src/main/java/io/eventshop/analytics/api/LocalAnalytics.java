package io.eventshop.analytics.api;

import io.eventshop.analytics.api.AnalyticsViews.Activity;
import io.eventshop.analytics.api.AnalyticsViews.Readings;
import io.eventshop.analytics.api.AnalyticsViews.RevenuePerMinute;
import io.eventshop.analytics.api.AnalyticsViews.Session;
import io.eventshop.analytics.api.AnalyticsViews.Trending;
import io.eventshop.analytics.api.AnalyticsViews.WindowCount;
import io.eventshop.analytics.streams.CategoryActivities;
import io.eventshop.analytics.streams.Conversions;
import io.eventshop.analytics.streams.ProductViews;
import io.eventshop.analytics.streams.Revenue;
import io.eventshop.analytics.streams.VisitorSessions;
import io.eventshop.analytics.streams.ZoneSensors;
import io.eventshop.contracts.analytics.CategoryActivity;
import io.eventshop.contracts.analytics.CountryCategoryRevenue;
import io.eventshop.contracts.analytics.TrendingProducts;
import io.eventshop.contracts.analytics.VisitorSession;
import io.eventshop.contracts.analytics.ZoneReadings;
import io.eventshop.platform.streams.InteractiveQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/** What this instance's stores hold for a key; the caller has made sure the key is local. */
final class LocalAnalytics {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final InteractiveQueries queries;

  LocalAnalytics(InteractiveQueries queries) {
    this.queries = queries;
  }

  List<WindowCount> viewsPerMinute(String sku, Instant from, Instant to) {
    return counts(ProductViews.PER_MINUTE_STORE, sku, from, to, Duration.ofMinutes(1));
  }

  List<WindowCount> conversionsPerHour(String sku, Instant from, Instant to) {
    return counts(Conversions.STORE, sku, from, to, Duration.ofHours(1));
  }

  Optional<Trending> trending(Instant windowStart) {
    ReadOnlyWindowStore<String, TrendingProducts> store =
        queries.windowStore(ProductViews.TRENDING_STORE);
    return Optional.ofNullable(store.fetch(Long.toString(windowStart.toEpochMilli()),
        windowStart.toEpochMilli())).map(Trending::of);
  }

  List<Session> sessions(String visitorId) {
    List<Session> sessions = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, VisitorSession> found =
             queries.<String, VisitorSession>sessionStore(VisitorSessions.STORE).fetch(visitorId)) {
      found.forEachRemaining(session -> sessions.add(Session.of(session.key.window().startTime(),
          session.key.window().endTime(), session.value)));
    }
    return sessions;
  }

  List<Activity> categoryActivity(String category, Instant from, Instant to) {
    return this.<CategoryActivity, Activity>windows(CategoryActivities.STORE, category, from, to,
        MINUTE, (start, activity) -> Activity.of(start, start.plus(MINUTE), activity));
  }

  List<Readings> zoneReadings(String zoneKey, Instant from, Instant to) {
    return this.<ZoneReadings, Readings>windows(ZoneSensors.PER_MINUTE_STORE, zoneKey, from, to,
        MINUTE, (start, readings) -> Readings.of(start, start.plus(MINUTE), readings));
  }

  List<RevenuePerMinute> revenue(String countryAndCategory, Instant from, Instant to) {
    return this.<CountryCategoryRevenue, RevenuePerMinute>windows(
        Revenue.STORE, countryAndCategory, from, to, MINUTE,
        (start, revenue) -> RevenuePerMinute.of(start, start.plus(MINUTE), revenue));
  }

  private List<WindowCount> counts(String store, String key, Instant from, Instant to,
                                   Duration size) {
    return this.<Long, WindowCount>windows(store, key, from, to, size,
        (start, count) -> new WindowCount(start, start.plus(size), count));
  }

  /**
   * The windows of {@code key} that overlap {@code from}…{@code to}, oldest first (windows of
   * {@code size}, aligned to the epoch as Kafka Streams aligns them).
   */
  private <V, T> List<T> windows(String store, String key, Instant from, Instant to,
                                 Duration size, BiFunction<Instant, V, T> view) {
    List<T> windows = new ArrayList<>();
    Instant firstStart = Instant.ofEpochMilli(
        Math.floorDiv(from.toEpochMilli(), size.toMillis()) * size.toMillis());
    try (WindowStoreIterator<V> found =
             queries.<String, V>windowStore(store).fetch(key, firstStart, to)) {
      while (found.hasNext()) {
        KeyValue<Long, V> window = found.next();
        windows.add(view.apply(Instant.ofEpochMilli(window.key), window.value));
      }
    }
    return windows;
  }
}
