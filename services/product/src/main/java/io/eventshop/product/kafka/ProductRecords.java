package io.eventshop.product.kafka;

import io.eventshop.contracts.product.Product;
import io.eventshop.product.domain.CatalogueItem;

/** Between the domain's {@link CatalogueItem} and the contract's Avro {@link Product}. */
public final class ProductRecords {

  private ProductRecords() {
  }

  public static Product toRecord(CatalogueItem item) {
    return new Product(item.sku(), item.name(), item.description(), item.category(), item.price(),
        item.updatedAt());
  }

  public static CatalogueItem toItem(Product product) {
    return new CatalogueItem(product.getSku(), product.getName(), product.getDescription(),
        product.getCategory(), product.getPrice(), product.getUpdatedAt());
  }
}
