package io.eventshop.analytics.api;

import io.eventshop.analytics.api.AnalyticsViews.Activity;
import io.eventshop.analytics.api.AnalyticsViews.Readings;
import io.eventshop.analytics.api.AnalyticsViews.RevenuePerMinute;
import io.eventshop.analytics.api.AnalyticsViews.Session;
import io.eventshop.analytics.api.AnalyticsViews.Trending;
import io.eventshop.analytics.api.AnalyticsViews.WindowCount;
import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.analytics.streams.CategoryActivities;
import io.eventshop.analytics.streams.Conversions;
import io.eventshop.analytics.streams.ProductViews;
import io.eventshop.analytics.streams.Revenue;
import io.eventshop.analytics.streams.VisitorSessions;
import io.eventshop.analytics.streams.ZoneSensors;
import io.eventshop.platform.streams.Forwarding;
import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.platform.streams.InteractiveQueries.KeyOwner;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analytics API: every answer comes from the Kafka Streams stores of the instance that owns
 * the key asked for (the request is forwarded there if that is another instance). Windowed
 * answers are live: a window still open shows what it has counted so far; the result topics get
 * the final values.
 */
@RestController
@OpenAPIDefinition(info = @Info(title = "Analytics API",
    version = "${spring.application.version:development}",
    description = "What the shop's streams show: product views per minute, trending products,"
        + " visitor sessions, conversions per product per hour, activity per category, warehouse"
        + " readings per zone and revenue per country and category, on event time (each"
        + " event's own timestamp). Answers come from the analytics service's own state."))
@Tag(name = "Analytics", description = "Windowed results of the clickstream, orders and sensors")
@ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The stores are not queryable yet (start-up,"
    + " rebalance) or the key's owner is moving between instances; retry", content = @Content(
        mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
public class AnalyticsController {

  static final String KEY = "[\\w][\\w .:-]{0,99}";
  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final InteractiveQueries queries;
  private final LocalAnalytics local;
  private final AnalyticsSettings settings;
  private final Clock clock;
  private final Forwarding forwarding = new Forwarding();

  AnalyticsController(InteractiveQueries queries, LocalAnalytics local,
                      AnalyticsSettings settings, Clock clock) {
    this.queries = queries;
    this.local = local;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping("/api/analytics/products/{sku}/views")
  @Operation(summary = "Views of a product per minute",
      description = "One entry per minute that had views, oldest first.")
  @ApiResponse(responseCode = "200", description = "The minutes (none: an empty list)",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = WindowCount.class))))
  public CompletableFuture<ResponseEntity<Object>> viewsPerMinute(
      @PathVariable @Pattern(regexp = KEY) String sku,
      @Parameter(description = "how many minutes back from now (1-1440)")
      @RequestParam(defaultValue = "60") @Min(1) @Max(1440) int minutes,
      HttpServletRequest request) {
    Instant now = clock.instant();
    return answer(ProductViews.PER_MINUTE_STORE, sku, request,
        () -> local.viewsPerMinute(sku, now.minus(Duration.ofMinutes(minutes)), now));
  }

  @GetMapping("/api/analytics/products/trending")
  @Operation(summary = "Trending products",
      description = "The most viewed products of the hopping window that covers the last"
          + " stretch up to now, most viewed first.")
  @ApiResponse(responseCode = "200", description = "The window (no views yet: an empty list)",
      content = @Content(schema = @Schema(implementation = Trending.class)))
  public CompletableFuture<ResponseEntity<Object>> trending(HttpServletRequest request) {
    Instant start = ProductViews.trendingWindowStartAt(clock.instant(),
        settings.trendingWindow(), settings.trendingAdvance());
    String key = Long.toString(start.toEpochMilli());
    return answer(ProductViews.TRENDING_STORE, key, request, () -> local.trending(start)
        .orElseGet(() -> new Trending(start, start.plus(settings.trendingWindow()), List.of())));
  }

  @GetMapping("/api/analytics/products/{sku}/conversions")
  @Operation(summary = "Converted views of a product per hour",
      description = "Views followed by an order of the product by the same visitor within the"
          + " conversion window, per hour of the order, oldest first.")
  @ApiResponse(responseCode = "200", description = "The hours (none: an empty list)",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = WindowCount.class))))
  public CompletableFuture<ResponseEntity<Object>> conversionsPerHour(
      @PathVariable @Pattern(regexp = KEY) String sku,
      @Parameter(description = "how many hours back from now (1-168)")
      @RequestParam(defaultValue = "24") @Min(1) @Max(168) int hours,
      HttpServletRequest request) {
    Instant now = clock.instant();
    return answer(Conversions.STORE, sku, request,
        () -> local.conversionsPerHour(sku, now.minus(Duration.ofHours(hours)), now));
  }

  @GetMapping("/api/analytics/visitors/{visitorId}/sessions")
  @Operation(summary = "A visitor's sessions",
      description = "Every session of the visitor the service still holds, the open one too.")
  @ApiResponse(responseCode = "200", description = "The sessions (none: an empty list)",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Session.class))))
  public CompletableFuture<ResponseEntity<Object>> sessions(
      @PathVariable @Pattern(regexp = KEY) String visitorId, HttpServletRequest request) {
    return answer(VisitorSessions.STORE, visitorId, request, () -> local.sessions(visitorId));
  }

  @GetMapping("/api/analytics/categories/{category}/activity")
  @Operation(summary = "Activity of a product category per minute",
      description = "Views, add-to-carts and the value added to carts (CHF), oldest first.")
  @ApiResponse(responseCode = "200", description = "The minutes (none: an empty list)",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Activity.class))))
  public CompletableFuture<ResponseEntity<Object>> categoryActivity(
      @PathVariable @Pattern(regexp = KEY) String category,
      @Parameter(description = "how many minutes back from now (1-1440)")
      @RequestParam(defaultValue = "60") @Min(1) @Max(1440) int minutes,
      HttpServletRequest request) {
    Instant now = clock.instant();
    return answer(CategoryActivities.STORE, category, request,
        () -> local.categoryActivity(category, now.minus(Duration.ofMinutes(minutes)), now));
  }

  @GetMapping("/api/analytics/zones/{zone}/readings")
  @Operation(summary = "Readings of a warehouse zone per minute",
      description = "Minimum, average and maximum of one kind of reading, oldest first.")
  @ApiResponse(responseCode = "200", description = "The minutes (none: an empty list)",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = Readings.class))))
  public CompletableFuture<ResponseEntity<Object>> zoneReadings(
      @PathVariable @Pattern(regexp = KEY) String zone,
      @Parameter(description = "what is measured, e.g. `temperature` or `humidity`")
      @RequestParam(defaultValue = "temperature") @Pattern(regexp = KEY) String kind,
      @Parameter(description = "how many minutes back from now (1-1440)")
      @RequestParam(defaultValue = "60") @Min(1) @Max(1440) int minutes,
      HttpServletRequest request) {
    Instant now = clock.instant();
    String key = ZoneSensors.zoneKey(zone, kind);
    return answer(ZoneSensors.PER_MINUTE_STORE, key, request,
        () -> local.zoneReadings(key, now.minus(Duration.ofMinutes(minutes)), now));
  }

  @GetMapping("/api/analytics/revenue")
  @Operation(summary = "Revenue of a country and category per minute",
      description = "Validated orders (cancelled ones taken off), by the minute they were"
          + " placed in, in CHF, oldest first.")
  @ApiResponse(responseCode = "200", description = "The minutes (none: an empty list)",
      content = @Content(array = @ArraySchema(
          schema = @Schema(implementation = RevenuePerMinute.class))))
  public CompletableFuture<ResponseEntity<Object>> revenue(
      @Parameter(description = "the customers' country (ISO 3166-1 alpha-2), `?` for unknown")
      @RequestParam @Pattern(regexp = "[A-Z]{2}|\\?") String country,
      @Parameter(description = "the products' category, `?` for skus not in the catalogue")
      @RequestParam @Pattern(regexp = KEY + "|\\?") String category,
      @Parameter(description = "how many minutes back from now (1-1440)")
      @RequestParam(defaultValue = "60") @Min(1) @Max(1440) int minutes,
      HttpServletRequest request) {
    Instant now = clock.instant();
    String key = Revenue.key(country, category);
    return answer(Revenue.STORE, key, request,
        () -> local.revenue(key, now.minus(Duration.ofMinutes(minutes)), now));
  }

  /** The local answer if this instance owns {@code key} in {@code store}, else the owner's. */
  private CompletableFuture<ResponseEntity<Object>> answer(String store, String key,
                                                           HttpServletRequest request,
                                                           Supplier<Object> localAnswer) {
    KeyOwner owner = queries.ownerOf(store, key, KEYS);
    if (!owner.local()) {
      return forwarding.forward(owner, request, null, settings.forwardTimeout());
    }
    return CompletableFuture.completedFuture(ResponseEntity.ok(localAnswer.get()));
  }
}
