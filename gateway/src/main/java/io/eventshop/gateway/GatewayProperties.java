package io.eventshop.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything the gateway can be told ({@code eventshop.gateway.*}), with its defaults; a bad
 * value stops start-up with a message naming the key. How to reach Kafka and the schema registry
 * (for the event log) is the platform's {@code eventshop.kafka.*} and
 * {@code eventshop.schema-registry.*}.
 *
 * @param services  base URLs of each service's instances, by service name (several URLs: the
 *                  gateway balances between them round-robin); the launcher passes them
 * @param links     applications with pages of their own that the admin page links to, by name
 *                  (the legacy CRM); the launcher passes those of its run
 * @param rateLimit the per-client token bucket of {@code /api/**}
 * @param cors      origins allowed to call the API from a browser
 * @param eventLog  the admin's view of the topics
 * @param clicks    what the click collector ({@code POST /api/events/clicks}) takes
 */
@Validated
@ConfigurationProperties("eventshop.gateway")
public record GatewayProperties(
    @NotEmpty(message = "eventshop.gateway.services must name at least one service")
    Map<String, List<URI>> services,
    Map<String, URI> links,
    @Valid @DefaultValue RateLimit rateLimit,
    @Valid @DefaultValue Cors cors,
    @Valid @DefaultValue EventLog eventLog,
    @Valid @DefaultValue Clicks clicks) {

  public GatewayProperties {
    services = services == null ? Map.of() : Map.copyOf(services);
    links = links == null ? Map.of() : Map.copyOf(links);
  }

  /** Every service has at least one URL. */
  @AssertTrue(message = "eventshop.gateway.services.<name> needs at least one URL")
  public boolean isEveryServiceReachable() {
    return services.values().stream().noneMatch(urls -> urls == null || urls.isEmpty());
  }

  /**
   * @param requestsPerSecond tokens added to a client's bucket per second
   * @param burst             the bucket's size: requests a client may send at once
   */
  public record RateLimit(
      @DefaultValue("50") @DecimalMin(value = "0.001", message = RATE) double requestsPerSecond,
      @DefaultValue("100") @Min(value = 1, message = BURST) int burst) {

    static final String RATE = "eventshop.gateway.rate-limit.requests-per-second must be > 0";
    static final String BURST = "eventshop.gateway.rate-limit.burst must be >= 1";
  }

  /** @param allowedOrigins origins (scheme://host:port) of the web UI allowed to call the API */
  public record Cors(
      @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins) {
  }

  /**
   * @param enabled         whether the gateway tails the business topics at all
   * @param eventsPerTopic  how many of the latest events per topic it keeps and shows
   * @param refreshInterval how often it looks for topics that appeared since
   */
  public record EventLog(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") @Min(value = 1, message = EVENTS) @Max(value = 10_000, message = EVENTS)
      int eventsPerTopic,
      @DefaultValue("5s") @NotNull(message = REFRESH)
      @DurationMin(millis = 100, message = REFRESH) Duration refreshInterval) {

    static final String EVENTS = "eventshop.gateway.event-log.events-per-topic must be 1..10000";
    static final String REFRESH =
        "eventshop.gateway.event-log.refresh-interval must be at least 100ms";
  }

  /**
   * @param maxBatch     the most clicks one request may carry
   * @param maxClockSkew how far in the future (by the gateway's clock) a click may say it happened
   * @param maxAge       how old a click may be: a page sends what it collected within seconds
   */
  public record Clicks(
      @DefaultValue("100") @Min(value = 1, message = BATCH) @Max(value = 10_000, message = BATCH)
      int maxBatch,
      @DefaultValue("5m") @NotNull(message = SKEW) Duration maxClockSkew,
      @DefaultValue("1d") @NotNull(message = AGE) @DurationMin(minutes = 1, message = AGE)
      Duration maxAge) {

    static final String BATCH = "eventshop.gateway.clicks.max-batch must be 1..10000";
    static final String SKEW = "eventshop.gateway.clicks.max-clock-skew is required";
    static final String AGE = "eventshop.gateway.clicks.max-age must be at least 1m";
  }
}
