package io.eventshop.product.api;

import io.eventshop.product.domain.CatalogueItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product as the API shows it; prices are CHF with two decimals. */
record ProductView(String sku, String name, String description, String category,
                   BigDecimal price, String currency, Instant updatedAt) {

  static ProductView of(CatalogueItem item) {
    return new ProductView(item.sku(), item.name(), item.description(), item.category(),
        item.price(), "CHF", item.updatedAt());
  }

  /** One page of products, sorted by sku. */
  record Page(List<ProductView> items, int page, int size, long totalItems, int totalPages) {
  }
}
