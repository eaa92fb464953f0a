package io.eventshop.product.streams;

import io.eventshop.contracts.product.Product;
import io.eventshop.platform.kafka.PendingWrites;
import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.product.domain.CatalogueItem;
import io.eventshop.product.kafka.ProductRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The catalogue as this instance sees it: the Kafka Streams store {@link ProductTopology#STORE},
 * plus the writes this instance made that the store has not caught up with yet (it lags a write
 * by about one commit interval). So a GET right after this instance's POST/PUT sees the write
 * (read-your-writes), and a create right after a create of the same sku is refused.
 *
 * <p>A pending write ({@link PendingWrites}) is dropped as soon as the store holds it or anything
 * newer.
 */
public class CatalogueView {

  private final Supplier<ReadOnlyKeyValueStore<String, Product>> store;
  private final PendingWrites<String, CatalogueItem> pendingWrites =
      new PendingWrites<>((read, written) -> !read.updatedAt().isBefore(written.updatedAt()));

  /** The view over the running service's store. */
  public CatalogueView(InteractiveQueries queries) {
    this(() -> queries.keyValueStore(ProductTopology.STORE));
  }

  /** The view over {@code store} (e.g. a {@code TopologyTestDriver}'s). */
  public CatalogueView(Supplier<ReadOnlyKeyValueStore<String, Product>> store) {
    this.store = store;
  }

  /** Remembers a write the broker has acknowledged. */
  public void wrote(CatalogueItem item) {
    pendingWrites.wrote(item.sku(), item);
  }

  /** The product {@code sku}, if it exists. */
  public Optional<CatalogueItem> find(String sku) {
    Product stored = store().get(sku);
    return Optional.ofNullable(
        pendingWrites.resolve(sku, stored == null ? null : ProductRecords.toItem(stored)));
  }

  /** Every product, sorted by sku. */
  public List<CatalogueItem> all() {
    Map<String, CatalogueItem> items = new HashMap<>();
    try (KeyValueIterator<String, Product> stored = store().all()) {
      while (stored.hasNext()) {
        KeyValue<String, Product> next = stored.next();
        if (next.value != null) {
          items.put(next.key, ProductRecords.toItem(next.value));
        }
      }
    }
    for (String sku : pendingWrites.keys()) {
      CatalogueItem newest = pendingWrites.resolve(sku, items.get(sku));
      if (newest != null) {
        items.put(sku, newest);
      }
    }
    List<CatalogueItem> sorted = new ArrayList<>(items.values());
    sorted.sort(Comparator.comparing(CatalogueItem::sku));
    return sorted;
  }

  private ReadOnlyKeyValueStore<String, Product> store() {
    return store.get();
  }
}
