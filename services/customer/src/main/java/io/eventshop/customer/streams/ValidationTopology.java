package io.eventshop.customer.streams;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.customer.fraud.FraudPolicy;
import io.eventshop.customer.fraud.FraudRules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The customer and fraud checks of orders as one Kafka Streams topology.
 *
 * <pre>
 *   customers ──► customer-table (read-only store "customers", the topic is its changelog)
 *                         │ read
 *   orders ─────► order-checker ──► order-validations   (CUSTOMER and FRAUD per placed order)
 *                   stores: credit-in-use, checked-orders, recent-orders-by-customer
 * </pre>
 *
 * <p>{@code orders} and {@code customers} are co-partitioned: order ids are minted in their
 * customer's partition ({@code OrderIds}), so both sources and all stores form one sub-topology
 * and the checks run without a repartition, in one exactly-once hop.
 */
public final class ValidationTopology {

  static final String CUSTOMERS_STORE = "customers";
  static final String CREDIT_IN_USE_STORE = "credit-in-use";
  static final String CHECKED_ORDERS_STORE = "checked-orders";
  /** Not "recent-orders": that name's changelog holds the window store's keys of before. */
  static final String RECENT_ORDERS_STORE = "recent-orders-by-customer";

  private static final String CUSTOMERS_SOURCE = "customers-source";
  private static final String CUSTOMER_TABLE = "customer-table";
  private static final String ORDERS_SOURCE = "orders-source";
  private static final String ORDER_CHECKER = "order-checker";
  private static final String VALIDATIONS_SINK = "order-validations-sink";

  private ValidationTopology() {
  }

  /** The serdes of the three topics the topology touches. */
  public record TopicSerdes(Serde<OrderEvent> orders, Serde<Customer> customers,
                            Serde<OrderValidation> validations) {
  }

  /** Builds the topology; pure, so a {@code TopologyTestDriver} can run it without a broker. */
  public static Topology build(TopicSerdes serdes, FraudPolicy fraudPolicy) {
    return addTo(new Topology(), serdes, fraudPolicy);
  }

  /** Adds the checks to {@code topology} (which may hold other sub-topologies) and returns it. */
  public static Topology addTo(Topology topology, TopicSerdes serdes, FraudPolicy fraudPolicy) {
    Serde<String> keys = Serdes.String();
    Serde<BigDecimal> amounts = amounts();

    // The customers topic is compacted state: a read-only store restores from it directly
    // instead of keeping a second copy in a changelog topic. Such a store must not log.
    topology.addReadOnlyStateStore(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMERS_STORE), keys,
            serdes.customers()).withLoggingDisabled(),
        CUSTOMERS_SOURCE, keys.deserializer(), serdes.customers().deserializer(),
        Topics.CUSTOMERS.name(), CUSTOMER_TABLE, CustomerTable::new);

    topology.addSource(ORDERS_SOURCE, keys.deserializer(), serdes.orders().deserializer(),
        Topics.ORDERS.name());
    ProcessorSupplier<String, OrderEvent, String, OrderValidation> checker =
        () -> new OrderChecker(new FraudRules(fraudPolicy));
    topology.addProcessor(ORDER_CHECKER, checker, ORDERS_SOURCE);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CREDIT_IN_USE_STORE), keys, amounts), ORDER_CHECKER);
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(CHECKED_ORDERS_STORE), keys, amounts), ORDER_CHECKER);
    // A key-value store, not a window store: FraudCheck says why.
    topology.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(RECENT_ORDERS_STORE), keys, Serdes.String()),
        ORDER_CHECKER);
    topology.connectProcessorAndStateStores(ORDER_CHECKER, CUSTOMERS_STORE);

    topology.addSink(VALIDATIONS_SINK, Topics.ORDER_VALIDATIONS.name(), keys.serializer(),
        serdes.validations().serializer(), ORDER_CHECKER);
    return topology;
  }

  /** Amounts in stores as their plain decimal text: readable in changelogs, exact. */
  static Serde<BigDecimal> amounts() {
    return Serdes.serdeFrom(
        (topic, amount) -> amount == null ? null
            : amount.toPlainString().getBytes(StandardCharsets.UTF_8),
        (topic, bytes) -> bytes == null ? null
            : new BigDecimal(new String(bytes, StandardCharsets.UTF_8)));
  }

  /** Keeps the read-only customer store up to date with the customers topic. */
  private static final class CustomerTable implements Processor<String, Customer, Void, Void> {

    private KeyValueStore<String, Customer> store;

    @Override
    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<Void, Void> context) {
      store = context.getStateStore(CUSTOMERS_STORE);
    }

    @Override
    public void process(Record<String, Customer> record) {
      // A tombstone (null) deletes the customer, as compaction would.
      store.put(record.key(), record.value());
    }
  }
}
