package io.eventshop.product.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The catalogue's rules, free of Spring and Kafka: {@code decide(command, current) -> decision}.
 *
 * <ul>
 *   <li>A create never overwrites: an existing sku is refused.</li>
 *   <li>A change needs an existing sku; the sku itself never changes.</li>
 *   <li>Prices are CHF, greater than zero, with at most two decimals and at most ten digits
 *       before the point (the {@code decimal(12,2)} of the contract); they are kept with exactly
 *       two decimals.</li>
 * </ul>
 */
public final class Catalogue {

  /** What a sku looks like: 3 to 32 upper-case letters, digits and dashes. */
  public static final Pattern SKU_PATTERN = Pattern.compile("[A-Z0-9-]{3,32}");
  /** Digits allowed before the decimal point ({@code decimal(12,2)}). */
  public static final int PRICE_INTEGER_DIGITS = 10;
  /** Decimals of a price. */
  public static final int PRICE_SCALE = 2;

  private Catalogue() {
  }

  /** Create the product {@code sku}, unless a product with that sku exists ({@code current}). */
  public static CatalogueDecision create(String sku, ProductDraft draft, CatalogueItem current,
                                         Instant now) {
    if (current != null) {
      return new CatalogueDecision.AlreadyExists(sku);
    }
    return new CatalogueDecision.Write(item(sku, draft, now), true);
  }

  /** Change the product {@code sku}, which must exist ({@code current}). */
  public static CatalogueDecision change(String sku, ProductDraft draft, CatalogueItem current,
                                         Instant now) {
    if (current == null) {
      return new CatalogueDecision.Unknown(sku);
    }
    return new CatalogueDecision.Write(item(sku, draft, now), false);
  }

  /**
   * {@code price} as a CHF amount with exactly two decimals.
   *
   * @throws IllegalArgumentException if it is missing, not positive, has more than two decimals
   *                                  or more than ten digits before the point
   */
  public static BigDecimal chf(BigDecimal price) {
    if (price == null) {
      throw new IllegalArgumentException("price is required");
    }
    if (price.signum() <= 0) {
      throw new IllegalArgumentException("price must be greater than 0, was " + price);
    }
    BigDecimal normalized = price.stripTrailingZeros();
    if (normalized.scale() > PRICE_SCALE) {
      throw new IllegalArgumentException("price has more than two decimals: " + price);
    }
    BigDecimal chf = price.setScale(PRICE_SCALE);
    if (chf.precision() - chf.scale() > PRICE_INTEGER_DIGITS) {
      throw new IllegalArgumentException("price is too large: " + price);
    }
    return chf;
  }

  /** Whether {@code sku} is a well-formed sku. */
  public static boolean isSku(String sku) {
    return sku != null && SKU_PATTERN.matcher(sku).matches();
  }

  private static CatalogueItem item(String sku, ProductDraft draft, Instant now) {
    if (!isSku(sku)) {
      throw new IllegalArgumentException("not a sku: " + sku);
    }
    Objects.requireNonNull(draft, "draft");
    String description = draft.description() == null ? "" : draft.description();
    return new CatalogueItem(sku, draft.name(), description, draft.category(), draft.price(), now);
  }
}
