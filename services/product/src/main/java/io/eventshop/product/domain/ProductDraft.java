package io.eventshop.product.domain;

import java.math.BigDecimal;

/**
 * What a merchant says about a product when creating or changing it: everything but the sku and
 * the time.
 */
public record ProductDraft(String name, String description, String category, BigDecimal price) {
}
