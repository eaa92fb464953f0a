package io.eventshop.contracts;

import io.eventshop.contracts.TopicSpec.CleanupPolicy;
import io.eventshop.contracts.TopicSpec.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of every topic of the shop. A topic name appears here and nowhere else: services,
 * the launcher and tests refer to these constants.
 *
 * <p>"Keep topics both in original and compacted form": the history of an entity is an event
 * stream kept forever ({@code customer-events}, {@code stock-events}, {@code orders}), and its
 * current state is a compacted state stream ({@code customers}, {@code stock-levels},
 * {@code products}).
 */
public final class Topics {

  /** Suffix of the dead-letter topic of a topic. */
  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  private static final short PRODUCTION_REPLICAS = 3;
  private static final int PRODUCTION_MIN_INSYNC = 2;
  private static final int BUSY = 6;
  private static final int QUIET = 3;
  private static final long ONE_GIB = 1L << 30;
  private static final long QUARTER_GIB = 1L << 28;

  // --- customer ---------------------------------------------------------------------------------
  public static final TopicSpec CUSTOMER_EVENTS =
      history("customer-events", "customer id", "CustomerEvent", BUSY);
  public static final TopicSpec CUSTOMERS = state("customers", "customer id", "Customer", BUSY);

  // --- product ----------------------------------------------------------------------------------
  public static final TopicSpec PRODUCTS = state("products", "sku", "Product", BUSY);

  // --- stock ------------------------------------------------------------------------------------
  public static final TopicSpec STOCK_EVENTS = history("stock-events", "sku", "StockEvent", BUSY);
  public static final TopicSpec STOCK_LEVELS = state("stock-levels", "sku", "StockLevel", BUSY);

  // --- order ------------------------------------------------------------------------------------
  public static final TopicSpec ORDERS = history("orders", "order id", "OrderEvent", BUSY);
  public static final TopicSpec ORDER_VALIDATIONS =
      timed("order-validations", "order id", "OrderValidation", BUSY, Duration.ofDays(7));

  // --- analytics --------------------------------------------------------------------------------
  public static final TopicSpec ORDERS_ENRICHED =
      timed("orders-enriched", "order id", "EnrichedOrder", BUSY, Duration.ofDays(30));
  public static final TopicSpec CLICKSTREAM =
      bounded("clickstream", "visitor id", "ClickEvent", BUSY, Duration.ofDays(7), ONE_GIB);
  public static final TopicSpec SENSOR_READINGS =
      bounded("sensor-readings", "sensor id", "SensorReading", QUIET, Duration.ofDays(3),
          QUARTER_GIB);
  public static final TopicSpec PRODUCT_VIEWS_PER_MINUTE =
      timed("product-views-per-minute", "sku and window", "ProductViewCount", QUIET,
          Duration.ofDays(1));
  public static final TopicSpec TRENDING_PRODUCTS =
      timed("trending-products", "sku and window", "ProductViewCount", QUIET, Duration.ofDays(1));
  public static final TopicSpec VISITOR_SESSIONS =
      timed("visitor-sessions", "visitor id and session", "VisitorSession", QUIET,
          Duration.ofDays(1));

  // --- infrastructure ---------------------------------------------------------------------------
  /** Debezium's change events of the legacy CRM's customer table ({@code <prefix>.<schema>.<table>}). */
  public static final TopicSpec CRM_CUSTOMERS = new TopicSpec("crm.public.customers",
      Kind.INFRASTRUCTURE, "legacy customer row key", "Debezium change event", QUIET,
      PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC, CleanupPolicy.DELETE, Duration.ofDays(7).toMillis(),
      TopicSpec.UNLIMITED);
  /** The schema registry's store: one partition keeps a single order of registrations. */
  public static final TopicSpec SCHEMAS = new TopicSpec("_schemas", Kind.INFRASTRUCTURE,
      "registry key", "registry record", 1, PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC,
      CleanupPolicy.COMPACT, TopicSpec.FOREVER, TopicSpec.UNLIMITED);

  private static final List<TopicSpec> BUSINESS = List.of(
      CUSTOMER_EVENTS, CUSTOMERS, PRODUCTS, STOCK_EVENTS, STOCK_LEVELS, ORDERS, ORDER_VALIDATIONS,
      ORDERS_ENRICHED, CLICKSTREAM, SENSOR_READINGS, PRODUCT_VIEWS_PER_MINUTE, TRENDING_PRODUCTS,
      VISITOR_SESSIONS);

  private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

  private Topics() {
  }

  /** The topics that carry the shop's events and state. */
  public static List<TopicSpec> business() {
    return BUSINESS;
  }

  /** Every topic to provision: business topics, their dead-letter topics and infrastructure. */
  public static List<TopicSpec> all() {
    List<TopicSpec> all = new ArrayList<>(BUSINESS);
    BUSINESS.forEach(topic -> all.add(deadLetterOf(topic)));
    all.add(CRM_CUSTOMERS);
    all.add(SCHEMAS);
    return List.copyOf(all);
  }

  /** Looks a topic up by name. */
  public static Optional<TopicSpec> byName(String name) {
    return all().stream().filter(topic -> topic.name().equals(name)).findFirst();
  }

  /** The dead-letter topic of {@code topic}: same keys, raw values, kept two weeks. */
  public static TopicSpec deadLetterOf(TopicSpec topic) {
    return new TopicSpec(topic.deadLetterTopicName(), Kind.DEAD_LETTER, topic.keyType(),
        "undecodable or invalid " + topic.valueType(), 1, PRODUCTION_REPLICAS,
        PRODUCTION_MIN_INSYNC, CleanupPolicy.DELETE, DEAD_LETTER_RETENTION.toMillis(),
        TopicSpec.UNLIMITED);
  }

  private static TopicSpec history(String name, String key, String value, int partitions) {
    return new TopicSpec(name, Kind.EVENT_STREAM, key, value, partitions, PRODUCTION_REPLICAS,
        PRODUCTION_MIN_INSYNC, CleanupPolicy.DELETE, TopicSpec.FOREVER, TopicSpec.UNLIMITED);
  }

  private static TopicSpec timed(String name, String key, String value, int partitions,
                                 Duration retention) {
    return bounded(name, key, value, partitions, retention, TopicSpec.UNLIMITED);
  }

  private static TopicSpec bounded(String name, String key, String value, int partitions,
                                   Duration retention, long bytesPerPartition) {
    return new TopicSpec(name, Kind.EVENT_STREAM, key, value, partitions, PRODUCTION_REPLICAS,
        PRODUCTION_MIN_INSYNC, CleanupPolicy.DELETE, retention.toMillis(), bytesPerPartition);
  }

  private static TopicSpec state(String name, String key, String value, int partitions) {
    return new TopicSpec(name, Kind.STATE_STREAM, key, value, partitions, PRODUCTION_REPLICAS,
        PRODUCTION_MIN_INSYNC, CleanupPolicy.COMPACT, TopicSpec.FOREVER, TopicSpec.UNLIMITED);
  }
}
