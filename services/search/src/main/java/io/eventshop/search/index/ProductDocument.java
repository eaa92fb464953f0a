package io.eventshop.search.index;

import static org.hibernate.search.engine.backend.types.Aggregable.YES;

import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ScaledNumberField;

/**
 * A product as the index holds it: its catalogue entry from {@code products} and its stock from
 * {@code stock-levels}, merged by sku. Either half may come first; a document without its
 * catalogue half ({@link #listed} false: stock of a product not, or no longer, in the catalogue)
 * is kept for its stock but never found.
 *
 * <p>Every field is stored, so that the other half can be merged into the document as the index
 * has it ({@link SearchIndex#product}) and hits show their fields.
 */
@SearchEntity
@Indexed(index = "eventshop-products")
public final class ProductDocument {

  @DocumentId
  private final String sku;

  @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
  @FullTextField(name = "name_stemmed", analyzer = Analysis.STEMMED)
  @FullTextField(name = "name_suggest", analyzer = Analysis.AUTOCOMPLETE,
      searchAnalyzer = Analysis.PLAIN)
  @KeywordField(name = "name_sort", normalizer = Analysis.SORT, sortable = Sortable.YES)
  private final String name;

  @FullTextField(analyzer = Analysis.PLAIN, projectable = Projectable.YES)
  @FullTextField(name = "description_stemmed", analyzer = Analysis.STEMMED)
  private final String description;

  @KeywordField(projectable = Projectable.YES, aggregable = YES)
  @FullTextField(name = "category_text", analyzer = Analysis.PLAIN)
  private final String category;

  @ScaledNumberField(decimalScale = SearchIndex.MONEY_SCALE, projectable = Projectable.YES,
      sortable = Sortable.YES, aggregable = YES)
  private final BigDecimal price;

  @GenericField(projectable = Projectable.YES)
  private final Long onHand;

  @GenericField(projectable = Projectable.YES)
  private final Long reserved;

  @GenericField(projectable = Projectable.YES, sortable = Sortable.YES)
  private final Long available;

  @GenericField(projectable = Projectable.YES, aggregable = YES)
  private final boolean inStock;

  @GenericField(projectable = Projectable.YES)
  private final boolean listed;

  @GenericField(projectable = Projectable.YES, sortable = Sortable.YES)
  private final Instant updatedAt;

  @ProjectionConstructor
  public ProductDocument(@IdProjection String sku, String name, String description,
                         String category, BigDecimal price, Long onHand, Long reserved,
                         Instant updatedAt) {
    this.sku = sku;
    this.name = name;
    this.description = description;
    this.category = category;
    this.price = price;
    this.onHand = onHand;
    this.reserved = reserved;
    this.available = onHand == null ? null : Math.max(0, onHand - (reserved == null ? 0 : reserved));
    this.inStock = available != null && available > 0;
    this.listed = name != null;
    this.updatedAt = updatedAt;
  }

  /** A document with the catalogue half only. */
  public static ProductDocument listed(String sku, String name, String description,
                                       String category, BigDecimal price, Instant updatedAt) {
    return new ProductDocument(sku, name, description, category, price, null, null, updatedAt);
  }

  /** This document with {@code other}'s catalogue half (null: none). */
  public ProductDocument withCatalogueEntry(ProductDocument other) {
    return other == null
        ? new ProductDocument(sku, null, null, null, null, onHand, reserved, null)
        : new ProductDocument(sku, other.name, other.description, other.category, other.price,
            onHand, reserved, other.updatedAt);
  }

  /** This document with the given stock (null: unknown). */
  public ProductDocument withStock(Long onHand, Long reserved) {
    return new ProductDocument(sku, name, description, category, price, onHand, reserved,
        updatedAt);
  }

  /** Whether the document holds nothing worth keeping (neither half). */
  public boolean isEmpty() {
    return !listed && onHand == null;
  }

  public String sku() {
    return sku;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String category() {
    return category;
  }

  public BigDecimal price() {
    return price;
  }

  public Long onHand() {
    return onHand;
  }

  public Long reserved() {
    return reserved;
  }

  public Long available() {
    return available;
  }

  public boolean inStock() {
    return inStock;
  }

  public boolean listed() {
    return listed;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
