package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.product.Product;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The analytics service's stream processing: every input topic read once, here, and handed to
 * the topologies of the issue, one class and one {@code build(...)} each. A topic can feed only
 * one source of a topology, which is why the sources are made here and not in each topology.
 *
 * <p>Every source takes its event time from the event ({@link EventTime}).
 */
public final class AnalyticsTopology {

  /** Customer id → customer, from the compacted {@code customers}. */
  public static final String CUSTOMERS_STORE = "customers";
  /** Sku → product: the whole catalogue on every instance (a global table). */
  public static final String PRODUCTS_STORE = "products";

  private AnalyticsTopology() {
  }

  public static Topology build(AvroSerdes serdes, AnalyticsSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, ClickEvent> clicks = builder.stream(Topics.CLICKSTREAM.name(),
        consumed(serdes.of(ClickEvent.class)));
    KStream<String, OrderEvent> orders = builder.stream(Topics.ORDERS.name(),
        consumed(serdes.of(OrderEvent.class)));
    KTable<String, Customer> customers = builder.table(Topics.CUSTOMERS.name(),
        consumed(serdes.of(Customer.class)),
        Materialized.<String, Customer, KeyValueStore<Bytes, byte[]>>as(CUSTOMERS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(serdes.of(Customer.class)));
    GlobalKTable<String, Product> products = builder.globalTable(Topics.PRODUCTS.name(),
        consumed(serdes.of(Product.class)),
        Materialized.<String, Product, KeyValueStore<Bytes, byte[]>>as(PRODUCTS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(serdes.of(Product.class)));
    KStream<String, SensorReading> readings = builder.stream(Topics.SENSOR_READINGS.name(),
        consumed(serdes.of(SensorReading.class)));
    KStream<String, EnrichedOrder> enrichedOrders = builder.stream(Topics.ORDERS_ENRICHED.name(),
        consumed(serdes.of(EnrichedOrder.class)));

    OrderEnrichment.build(builder, orders, customers, serdes);
    ProductViews.build(clicks, serdes, settings);
    VisitorSessions.build(clicks, serdes, settings);
    Conversions.build(clicks, orders, serdes, settings);
    CategoryActivities.build(clicks, products, serdes, settings);
    ZoneSensors.build(builder, readings, serdes, settings);
    Revenue.build(enrichedOrders, serdes, settings);
    return builder.build();
  }

  /** The key of a windowed result on its topic: {@code <key>@<window start>}. */
  static String windowKey(Windowed<String> window) {
    return window.key() + "@" + Instant.ofEpochMilli(window.window().start());
  }

  private static <V> Consumed<String, V> consumed(Serde<V> values) {
    return Consumed.with(Serdes.String(), values).withTimestampExtractor(new EventTime());
  }
}
