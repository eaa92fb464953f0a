package io.eventshop.order.api;

import io.eventshop.contracts.product.Product;
import io.eventshop.order.domain.Order;
import io.eventshop.order.streams.OrderTopology;
import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.platform.streams.InteractiveQueries.KeyOwner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** What this instance's stores know, and which instance owns an order or a customer's orders. */
final class LocalOrders {

  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final InteractiveQueries queries;

  LocalOrders(InteractiveQueries queries) {
    this.queries = queries;
  }

  /** The owner of an order id. */
  KeyOwner ownerOfOrder(String orderId) {
    return queries.ownerOf(OrderTopology.ORDERS_STORE, orderId, KEYS);
  }

  /**
   * The owner of a customer's orders: order ids are minted in their customer's partition, so the
   * customer id itself hashes to the partition that holds them all.
   */
  KeyOwner ownerOfCustomer(String customerId) {
    return queries.ownerOf(OrderTopology.ORDERS_STORE, customerId, KEYS);
  }

  /** A placed order of this instance's partitions. */
  Optional<Order> order(String orderId) {
    ReadOnlyKeyValueStore<String, Order> orders = queries.keyValueStore(OrderTopology.ORDERS_STORE);
    return Optional.ofNullable(orders.get(orderId)).filter(Order::isPlaced);
  }

  /** A customer's orders, newest first. */
  List<Order> ordersOf(String customerId) {
    ReadOnlyKeyValueStore<String, Long> index =
        queries.keyValueStore(OrderTopology.CUSTOMER_ORDERS_STORE);
    List<String> ids = new ArrayList<>();
    try (KeyValueIterator<String, Long> keys =
             index.prefixScan(OrderTopology.customerPrefix(customerId), KEYS)) {
      while (keys.hasNext()) {
        KeyValue<String, Long> entry = keys.next();
        ids.add(entry.key.substring(OrderTopology.customerPrefix(customerId).length()));
      }
    }
    return ids.stream().map(this::order).flatMap(Optional::stream)
        .sorted(Comparator.comparing(Order::placedAt).reversed()).toList();
  }

  /** The catalogue entry of a sku (global: every instance has all of it). */
  Optional<Product> product(String sku) {
    ReadOnlyKeyValueStore<String, Product> products =
        queries.keyValueStore(OrderTopology.PRODUCTS_STORE);
    return Optional.ofNullable(products.get(sku));
  }
}
