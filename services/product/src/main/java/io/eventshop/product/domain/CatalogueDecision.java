package io.eventshop.product.domain;

/** What {@link Catalogue} decides about a command: write this item, or refuse and why. */
public sealed interface CatalogueDecision {

  /** Write {@code item} to the catalogue; {@code created} tells a new product from a change. */
  record Write(CatalogueItem item, boolean created) implements CatalogueDecision {
  }

  /** Create refused: the sku exists already (a create never overwrites). */
  record AlreadyExists(String sku) implements CatalogueDecision {
  }

  /** Change refused: there is no product with this sku. */
  record Unknown(String sku) implements CatalogueDecision {
  }
}
