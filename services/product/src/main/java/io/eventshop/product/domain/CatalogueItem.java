package io.eventshop.product.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A product of the catalogue as it is now.
 *
 * @param sku         stock keeping unit, the product's id ({@link Catalogue#SKU_PATTERN})
 * @param name        what the shop calls it
 * @param description free text, may be empty
 * @param category    the shelf it is on
 * @param price       unit price in CHF, positive, exactly two decimals
 * @param updatedAt   when it was created or last changed
 */
public record CatalogueItem(String sku, String name, String description, String category,
                            BigDecimal price, Instant updatedAt) {

  public CatalogueItem {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    price = Catalogue.chf(price);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
