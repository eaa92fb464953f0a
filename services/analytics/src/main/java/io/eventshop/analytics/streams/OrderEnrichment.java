package io.eventshop.analytics.streams;

import io.eventshop.analytics.domain.CustomerSegment;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.order.OrderEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The talk's enrichment: {@code orders} ⟕ {@code customers} → {@code orders-enriched}. Every
 * change of an order (placed, validated, rejected, cancelled) becomes one enriched record with
 * the order's lines named from the catalogue ({@link OrderProgress}, over the global table of
 * products), then joined with the customer's name, country and segment. An order of an unknown
 * customer is still emitted, with the customer part empty.
 */
public final class OrderEnrichment {

  /** Order id → the order as it stands, with its lines named (until rejected or cancelled). */
  public static final String ORDER_PROGRESS_STORE = "order-progress";

  private OrderEnrichment() {
  }

  public static void build(StreamsBuilder builder, KStream<String, OrderEvent> orders,
                           KTable<String, Customer> customers, AvroSerdes serdes) {
    Serde<EnrichedOrder> enriched = serdes.of(EnrichedOrder.class);
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(ORDER_PROGRESS_STORE), Serdes.String(), enriched));
    orders
        .processValues(OrderProgress::new, Named.as("order-progress"), ORDER_PROGRESS_STORE)
        // customers are keyed by customer id: the join needs the orders keyed (and
        // partitioned) the same way
        .selectKey((orderId, order) -> order.getCustomerId(), Named.as("key-order-by-customer"))
        .repartition(Repartitioned.with(Serdes.String(), enriched).withName("orders-by-customer"))
        .leftJoin(customers, OrderEnrichment::withCustomer,
            Joined.with(Serdes.String(), enriched, serdes.of(Customer.class))
                .withName("orders-with-customers"))
        .selectKey((customerId, order) -> order.getOrderId(), Named.as("key-order-by-id"))
        .to(Topics.ORDERS_ENRICHED.name(), Produced.with(Serdes.String(), enriched));
  }

  /** {@code order} with its customer's part; unchanged for an unknown customer. */
  static EnrichedOrder withCustomer(EnrichedOrder order, Customer customer) {
    if (customer == null) {
      return order;
    }
    return EnrichedOrder.newBuilder(order)
        .setCustomerName(customer.getName())
        .setCountry(customer.getAddress().getCountry())
        .setCustomerSegment(CustomerSegment.of(customer.getCreditLimit()))
        .build();
  }
}
