package io.eventshop.order.streams;

import io.eventshop.contracts.Topics;
import io.eventshop.order.domain.OrderDecider;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The order service's stream processing, one hop: {@code orders} and {@code order-validations}
 * (co-partitioned by order id) into one aggregator that keeps every order's state, decides
 * {@code OrderValidated} / {@code OrderRejected} and writes it back to {@code orders}. The
 * catalogue ({@code products}) is a global table for pricing new orders.
 */
public final class OrderTopology {

  /** Order id → the order's state. */
  public static final String ORDERS_STORE = "orders-by-id";
  /** {@code <customer id>/<order id>} → placement time (epoch ms): the orders of a customer. */
  public static final String CUSTOMER_ORDERS_STORE = "orders-by-customer";
  /** Order id → validation deadline (epoch ms) of orders still waiting for verdicts. */
  public static final String PENDING_STORE = "orders-pending";
  /** Sku → product, from the compacted catalogue. */
  public static final String PRODUCTS_STORE = "products";

  private static final String ORDERS_SOURCE = "orders-source";
  private static final String VALIDATIONS_SOURCE = "order-validations-source";
  private static final String AGGREGATOR = "order-aggregator";
  private static final String ORDERS_SINK = "orders-sink";

  private OrderTopology() {
  }

  /**
   * @param decider        the order rules (with the validation timeout)
   * @param timeoutCheck   how often the aggregator looks for orders past their deadline
   * @param serdes         value serdes of the topics
   * @param changes        told about every order change of this instance
   */
  public static Topology build(OrderDecider decider, Duration timeoutCheck, OrderSerdes serdes,
                               OrderChanges changes) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.globalTable(Topics.PRODUCTS.name(),
        Consumed.with(Serdes.String(), serdes.products()),
        Materialized.<String, io.eventshop.contracts.product.Product,
                KeyValueStore<Bytes, byte[]>>as(PRODUCTS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(serdes.products())
            .withCachingDisabled());
    Topology topology = builder.build();

    topology.addSource(ORDERS_SOURCE, Serdes.String().deserializer(),
        serdes.orderEvents().deserializer(), Topics.ORDERS.name());
    topology.addSource(VALIDATIONS_SOURCE, Serdes.String().deserializer(),
        serdes.validations().deserializer(), Topics.ORDER_VALIDATIONS.name());
    topology.addProcessor(AGGREGATOR,
        () -> new OrderAggregator(decider, timeoutCheck, changes),
        ORDERS_SOURCE, VALIDATIONS_SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ORDERS_STORE), Serdes.String(), new OrderStateSerde())
        .withCachingDisabled(), AGGREGATOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CUSTOMER_ORDERS_STORE), Serdes.String(), Serdes.Long())
        .withCachingDisabled(), AGGREGATOR);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), Serdes.Long())
        .withCachingDisabled(), AGGREGATOR);
    topology.addSink(ORDERS_SINK, Topics.ORDERS.name(), Serdes.String().serializer(),
        serdes.orderEvents().serializer(), AGGREGATOR);
    return topology;
  }

  /** The key of an order in {@link #CUSTOMER_ORDERS_STORE}. */
  public static String customerOrderKey(String customerId, String orderId) {
    return customerPrefix(customerId) + orderId;
  }

  /** The prefix of all keys of one customer's orders in {@link #CUSTOMER_ORDERS_STORE}. */
  public static String customerPrefix(String customerId) {
    return customerId + "/";
  }
}
