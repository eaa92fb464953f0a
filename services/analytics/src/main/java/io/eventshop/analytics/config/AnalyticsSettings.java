package io.eventshop.analytics.config;

import io.eventshop.analytics.domain.AllowedRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The analytics service's settings ({@code eventshop.analytics.*}), with their defaults. Windows
 * run on event time (each event's own timestamp), so the grace periods say how late an event may
 * come, in event time, and still count.
 *
 * @param grace             how late a click or reading may arrive and still count in its window;
 *                          the per-minute views and the visitor sessions are published once
 *                          their window is closed, i.e. after this
 * @param trendingWindow    the length of the hopping window of trending products
 * @param trendingAdvance   how often a new trending window starts
 * @param trendingSize      how many products a trending window lists
 * @param sessionGap        the inactivity that closes a visitor session
 * @param conversionWindow  N: a view counts as converted when the same visitor orders the product
 *                          within this long after it (also the longest gap between a checkout
 *                          click and its order)
 * @param revenueGrace      how long after an order's placement (event time) its cancellation is
 *                          still taken off that minute's revenue
 * @param sensorRanges      allowed range per kind of reading ({@code temperature}, {@code humidity}
 *                          …); a kind without a range never alerts
 * @param outOfRangeInARow  readings out of range in a row that raise an alert
 * @param forwardTimeout    how long a query forwarded to the instance owning its key may take
 */
@Validated
@ConfigurationProperties("eventshop.analytics")
public record AnalyticsSettings(
    @DefaultValue("30s") @NotNull @DurationMax(hours = 1) Duration grace,
    @DefaultValue("10m") @NotNull @DurationMin(seconds = 1) Duration trendingWindow,
    @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) Duration trendingAdvance,
    @DefaultValue("10") @Min(1) @Max(100) int trendingSize,
    @DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration sessionGap,
    @DefaultValue("30m") @NotNull @DurationMin(seconds = 1) Duration conversionWindow,
    @DefaultValue("1h") @NotNull @DurationMax(days = 1) Duration revenueGrace,
    Map<String, @Valid AllowedRange> sensorRanges,
    @DefaultValue("3") @Min(1) @Max(100) int outOfRangeInARow,
    @DefaultValue("5s") @NotNull Duration forwardTimeout) {

  /** What a warehouse should hold when nothing else is configured. */
  public static final Map<String, AllowedRange> DEFAULT_SENSOR_RANGES = Map.of(
      "temperature", new AllowedRange(2.0, 25.0),
      "humidity", new AllowedRange(30.0, 65.0));

  public AnalyticsSettings {
    sensorRanges = sensorRanges == null || sensorRanges.isEmpty()
        ? DEFAULT_SENSOR_RANGES : Map.copyOf(sensorRanges);
  }
}
