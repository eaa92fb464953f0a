package io.eventshop.search.index;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The changes of one batch of records, and how far the batch read each partition: applied to the
 * index together ({@link SearchIndex#apply}). A later change of a document replaces an earlier
 * one of the same batch; a null document is a deletion.
 *
 * <p>A product has two halves from two topics: a change of one half is merged into the document
 * as the index holds it when the batch is written, so reading a record never asks the index
 * anything (an index that does not answer must not make a good record look like poison).
 */
public final class IndexChanges {

  /** What a batch changes of one product: either half, or both (null: that half removed). */
  record ProductChange(boolean catalogueChanged, ProductDocument catalogue,
                       boolean stockChanged, Long onHand, Long reserved) {

    static final ProductChange NONE = new ProductChange(false, null, false, null, null);

    /** {@code current} (an empty document if the index has none) with this change applied. */
    ProductDocument applyTo(ProductDocument current) {
      ProductDocument result = catalogueChanged ? current.withCatalogueEntry(catalogue) : current;
      return stockChanged ? result.withStock(onHand, reserved) : result;
    }
  }

  private final Map<String, ProductChange> products = new LinkedHashMap<>();
  private final Map<String, CustomerDocument> customers = new LinkedHashMap<>();
  private final Map<String, OrderDocument> orders = new LinkedHashMap<>();
  private final Map<TopicPartition, Long> nextOffsets = new LinkedHashMap<>();

  /** The catalogue half of {@code sku} is now {@code entry} (null: no longer in the catalogue). */
  public void catalogue(String sku, ProductDocument entry) {
    ProductChange change = products.getOrDefault(sku, ProductChange.NONE);
    products.put(sku, new ProductChange(true, entry, change.stockChanged(), change.onHand(),
        change.reserved()));
  }

  /** The stock half of {@code sku} is now this (nulls: unknown, the level was deleted). */
  public void stock(String sku, Long onHand, Long reserved) {
    ProductChange change = products.getOrDefault(sku, ProductChange.NONE);
    products.put(sku, new ProductChange(change.catalogueChanged(), change.catalogue(), true,
        onHand, reserved));
  }

  /** Both halves of {@code product} at once. */
  public void put(ProductDocument product) {
    catalogue(product.sku(), product.listed() ? product : null);
    stock(product.sku(), product.onHand(), product.reserved());
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

  Map<String, ProductChange> products() {
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
