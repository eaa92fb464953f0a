package io.eventshop.search.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * The changes of one batch of records, and how far the batch read each partition: applied to the
 * index together ({@link SearchIndex#apply}). A later change of a document replaces an earlier
 * one of the same batch; a null document is a deletion.
 */
public final class IndexChanges {

  private final Map<String, ProductDocument> products = new LinkedHashMap<>();
  private final Map<String, CustomerDocument> customers = new LinkedHashMap<>();
  private final Map<String, OrderDocument> orders = new LinkedHashMap<>();
  private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();

  /** The product as this batch leaves it, if the batch changed it (empty optional: deleted). */
  public Optional<Optional<ProductDocument>> product(String sku) {
    return products.containsKey(sku) ? Optional.of(Optional.ofNullable(products.get(sku)))
        : Optional.empty();
  }

  /** Puts {@code product}, or deletes it if it {@link ProductDocument#isEmpty is empty}. */
  public void put(ProductDocument product) {
    products.put(product.sku(), product.isEmpty() ? null : product);
  }

  public void put(CustomerDocument customer) {
    customers.put(customer.id(), customer);
  }

  public void deleteCustomer(String id) {
    customers.put(id, null);
  }

  public void put(OrderDocument order) {
    orders.put(order.id(), order);
  }

  public void deleteOrder(String id) {
    orders.put(id, null);
  }

  /** Notes that the batch has taken {@code partition} up to (not including) {@code nextOffset}. */
  public void readUpTo(TopicPartition partition, long nextOffset) {
    nextOffsets.merge(partition, nextOffset, Math::max);
  }

  public boolean isEmpty() {
    return nextOffsets.isEmpty() && products.isEmpty() && customers.isEmpty() && orders.isEmpty();
  }

  Map<String, ProductDocument> products() {
    return Collections.unmodifiableMap(products);
  }

  Map<String, CustomerDocument> customers() {
    return Collections.unmodifiableMap(customers);
  }

  Map<String, OrderDocument> orders() {
    return Collections.unmodifiableMap(orders);
  }

  Map<TopicPartition, Long> nextOffsets() {
    return Collections.unmodifiableMap(nextOffsets);
  }
}
