package io.eventshop.contracts;

import io.eventshop.contracts.TopicSpec.CleanupPolicy;
import io.eventshop.contracts.analytics.CategoryActivity;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.CountryCategoryRevenue;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.ProductConversions;
import io.eventshop.contracts.analytics.ProductViewCount;
import io.eventshop.contracts.analytics.SensorAlert;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.analytics.TrendingProducts;
import io.eventshop.contracts.analytics.VisitorSession;
import io.eventshop.contracts.analytics.ZoneReadings;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerEvent;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.stock.StockEvent;
import io.eventshop.contracts.stock.StockLevel;
import io.eventshop.contracts.stock.StockReservation;
import io.eventshop.contracts.TopicSpec.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The catalogue of every topic of the shop. A topic name appears here and nowhere else: services,
 * the launcher and tests refer to these constants.
 *
 * <p>"Keep topics both in original and compacted form": the history of an entity is an event
 * stream kept forever ({@code customer-events}, {@code stock-events}, {@code orders}), and its
 * current state is a compacted state stream ({@code customers}, {@code stock-levels},
 * {@code stock-reservations}, {@code products}).
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
  private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

  // --- customer ---------------------------------------------------------------------------------
  public static final TopicSpec CUSTOMER_EVENTS =
      history("customer-events", "customer id", CustomerEvent.class, BUSY);
  public static final TopicSpec CUSTOMERS = state("customers", "customer id", Customer.class, BUSY);
  /**
   * The legacy CRM's customers as its tables hold them now (customer row joined with address
   * row), which the customer service takes over into {@code customers}.
   */
  public static final TopicSpec LEGACY_CUSTOMERS =
      state("legacy-customers", "legacy customer id", LegacyCustomer.class, QUIET);

  // --- product ----------------------------------------------------------------------------------
  public static final TopicSpec PRODUCTS = state("products", "sku", Product.class, BUSY);

  // --- stock ------------------------------------------------------------------------------------
  public static final TopicSpec STOCK_EVENTS =
      history("stock-events", "sku", StockEvent.class, BUSY);
  public static final TopicSpec STOCK_LEVELS = state("stock-levels", "sku", StockLevel.class, BUSY);
  /** What the stock processor holds per open order; a tombstone once released. */
  public static final TopicSpec STOCK_RESERVATIONS =
      state("stock-reservations", "order id", StockReservation.class, BUSY);

  // --- order ------------------------------------------------------------------------------------
  public static final TopicSpec ORDERS = history("orders", "order id", OrderEvent.class, BUSY);
  public static final TopicSpec ORDER_VALIDATIONS =
      timed("order-validations", "order id", OrderValidation.class, BUSY, Duration.ofDays(7));

  // --- analytics --------------------------------------------------------------------------------
  public static final TopicSpec ORDERS_ENRICHED =
      timed("orders-enriched", "order id", EnrichedOrder.class, BUSY, Duration.ofDays(30));
  public static final TopicSpec CLICKSTREAM =
      bounded("clickstream", "visitor id", ClickEvent.class, BUSY, Duration.ofDays(7), ONE_GIB);
  public static final TopicSpec SENSOR_READINGS =
      bounded("sensor-readings", "sensor id", SensorReading.class, QUIET, Duration.ofDays(3),
          QUARTER_GIB);
  public static final TopicSpec PRODUCT_VIEWS_PER_MINUTE =
      timed("product-views-per-minute", "sku and window", ProductViewCount.class, QUIET,
          Duration.ofDays(1));
  public static final TopicSpec TRENDING_PRODUCTS =
      timed("trending-products", "window start", TrendingProducts.class, QUIET,
          Duration.ofDays(1));
  public static final TopicSpec VISITOR_SESSIONS =
      timed("visitor-sessions", "visitor id and session", VisitorSession.class, QUIET,
          Duration.ofDays(1));
  public static final TopicSpec PRODUCT_CONVERSIONS_PER_HOUR =
      timed("product-conversions-per-hour", "sku and window", ProductConversions.class, QUIET,
          Duration.ofDays(7));
  public static final TopicSpec CATEGORY_ACTIVITY_PER_MINUTE =
      timed("category-activity-per-minute", "category and window", CategoryActivity.class, QUIET,
          Duration.ofDays(1));
  public static final TopicSpec SENSOR_READINGS_PER_MINUTE =
      timed("sensor-readings-per-minute", "zone, kind and window", ZoneReadings.class, QUIET,
          Duration.ofDays(3));
  public static final TopicSpec SENSOR_ALERTS =
      timed("sensor-alerts", "zone and kind", SensorAlert.class, QUIET, Duration.ofDays(30));
  public static final TopicSpec REVENUE_PER_MINUTE =
      timed("revenue-per-minute", "country, category and window", CountryCategoryRevenue.class,
          QUIET, Duration.ofDays(30));

  // --- infrastructure ---------------------------------------------------------------------------
  // The legacy CRM's rows as Debezium captures them ({@code <prefix>.<schema>.<table>}), flattened
  // to the row's new state and keyed by the legacy customer id, so that a customer and its address
  // meet in the same partition. Compacted: the latest row per customer is all the integration needs
  // to catch up from scratch, however old the CRM is.
  public static final TopicSpec CRM_CUSTOMER = changeCapture("crm.public.customer",
      "the CRM's customer row");
  public static final TopicSpec CRM_ADDRESS = changeCapture("crm.public.address",
      "the CRM's address row");

  // Kafka Connect's own store, in distributed mode: connector configurations (one partition, so
  // that every worker reads them in one order), source offsets and task states. Compacted, kept
  // forever: a worker restarted next year resumes from them.
  public static final TopicSpec CONNECT_CONFIGS = connectStore("connect-configs",
      "connector configurations", 1);
  public static final TopicSpec CONNECT_OFFSETS = connectStore("connect-offsets",
      "source connector offsets", QUIET);
  public static final TopicSpec CONNECT_STATUS = connectStore("connect-status",
      "connector and task states", QUIET);

  /**
   * The sql service's catalogue of streams, tables and persistent queries (their statements,
   * keyed by name): one partition, read whole at every start of the service.
   */
  public static final TopicSpec SQL_CATALOGUE = new TopicSpec("sql-catalogue", Kind.INFRASTRUCTURE,
      "stream, table or query name", "its statement (JSON)", 1, PRODUCTION_REPLICAS,
      PRODUCTION_MIN_INSYNC, CleanupPolicy.COMPACT, TopicSpec.FOREVER, TopicSpec.UNLIMITED);

  /**
   * The Iceberg sink's commit coordination (the lake's raw zone): workers send the files they
   * wrote and their offsets, the coordinator commits them to the tables and both in one Kafka
   * transaction, which is what makes the landing exactly once. One partition: one coordinator
   * reads it in order.
   */
  public static final TopicSpec LAKE_CONTROL = new TopicSpec("lake-control", Kind.INFRASTRUCTURE,
      "none", "Iceberg sink control event (Avro of the sink's own)", 1, PRODUCTION_REPLICAS,
      PRODUCTION_MIN_INSYNC, CleanupPolicy.DELETE, Duration.ofDays(7).toMillis(),
      TopicSpec.UNLIMITED);

  /**
   * The records the lake's landing could not read, from any business topic. Kafka Connect keeps
   * one dead-letter topic per connector, not per topic: the headers
   * {@code __connect.errors.topic}, {@code .partition} and {@code .offset} name the source.
   */
  public static final TopicSpec LAKE_DEAD_LETTERS = new TopicSpec("lake-raw" + DEAD_LETTER_SUFFIX,
      Kind.DEAD_LETTER, "the source record's key", "undecodable records of business topics", 1,
      PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC, CleanupPolicy.DELETE,
      DEAD_LETTER_RETENTION.toMillis(), TopicSpec.UNLIMITED);

  /** The schema registry's store: one partition keeps a single order of registrations. */
  public static final TopicSpec SCHEMAS = new TopicSpec("_schemas", Kind.INFRASTRUCTURE,
      "registry key", "registry record", 1, PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC,
      CleanupPolicy.COMPACT, TopicSpec.FOREVER, TopicSpec.UNLIMITED);

  private static final List<TopicSpec> BUSINESS = List.of(
      CUSTOMER_EVENTS, CUSTOMERS, LEGACY_CUSTOMERS, PRODUCTS, STOCK_EVENTS, STOCK_LEVELS, STOCK_RESERVATIONS, ORDERS, ORDER_VALIDATIONS,
      ORDERS_ENRICHED, CLICKSTREAM, SENSOR_READINGS, PRODUCT_VIEWS_PER_MINUTE, TRENDING_PRODUCTS,
      VISITOR_SESSIONS, PRODUCT_CONVERSIONS_PER_HOUR, CATEGORY_ACTIVITY_PER_MINUTE,
      SENSOR_READINGS_PER_MINUTE, SENSOR_ALERTS, REVENUE_PER_MINUTE);


  static {
    // Whoever uses the catalogue may decode its value classes.
    ContractClasses.trustForAvro();
  }

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
    all.addAll(List.of(CRM_CUSTOMER, deadLetterOf(CRM_CUSTOMER), CRM_ADDRESS,
        deadLetterOf(CRM_ADDRESS), CONNECT_CONFIGS, CONNECT_OFFSETS, CONNECT_STATUS, SQL_CATALOGUE, LAKE_CONTROL,
        LAKE_DEAD_LETTERS));
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

  private static TopicSpec changeCapture(String name, String row) {
    return new TopicSpec(name, Kind.INFRASTRUCTURE, "legacy customer id",
        "Debezium change event: " + row, QUIET, PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC,
        CleanupPolicy.COMPACT, TopicSpec.FOREVER, TopicSpec.UNLIMITED);
  }

  private static TopicSpec connectStore(String name, String content, int partitions) {
    return new TopicSpec(name, Kind.INFRASTRUCTURE, "Connect's key", content, partitions,
        PRODUCTION_REPLICAS, PRODUCTION_MIN_INSYNC, CleanupPolicy.COMPACT, TopicSpec.FOREVER,
        TopicSpec.UNLIMITED);
  }

  private static TopicSpec history(String name, String key,
                                   Class<? extends SpecificRecord> value, int partitions) {
    return business(name, Kind.EVENT_STREAM, key, value, partitions, CleanupPolicy.DELETE,
        TopicSpec.FOREVER, TopicSpec.UNLIMITED);
  }

  private static TopicSpec timed(String name, String key, Class<? extends SpecificRecord> value,
                                 int partitions, Duration retention) {
    return bounded(name, key, value, partitions, retention, TopicSpec.UNLIMITED);
  }

  private static TopicSpec bounded(String name, String key, Class<? extends SpecificRecord> value,
                                   int partitions, Duration retention, long bytesPerPartition) {
    return business(name, Kind.EVENT_STREAM, key, value, partitions, CleanupPolicy.DELETE,
        retention.toMillis(), bytesPerPartition);
  }

  private static TopicSpec state(String name, String key, Class<? extends SpecificRecord> value,
                                 int partitions) {
    return business(name, Kind.STATE_STREAM, key, value, partitions, CleanupPolicy.COMPACT,
        TopicSpec.FOREVER, TopicSpec.UNLIMITED);
  }

  private static TopicSpec business(String name, Kind kind, String key,
                                    Class<? extends SpecificRecord> value, int partitions,
                                    CleanupPolicy cleanup, long retentionMs, long retentionBytes) {
    return new TopicSpec(name, kind, key, value.getSimpleName(), partitions, PRODUCTION_REPLICAS,
        PRODUCTION_MIN_INSYNC, cleanup, retentionMs, retentionBytes, value);
  }
}
