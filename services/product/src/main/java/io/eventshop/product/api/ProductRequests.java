package io.eventshop.product.api;

import io.eventshop.product.domain.ProductDraft;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** The request bodies of the product API. Unknown fields are refused (400 naming them). */
final class ProductRequests {

  static final String SKU = "[A-Z0-9-]{3,32}";
  static final String SKU_MESSAGE = "must be 3 to 32 upper-case letters, digits or dashes";

  private ProductRequests() {
  }

  /** {@code POST /api/products}. */
  record NewProduct(
      @NotNull @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      @NotBlank @Size(max = 100) String category,
      @NotNull @DecimalMin(value = "0", inclusive = false)
      @Digits(integer = 10, fraction = 2) BigDecimal price) {

    ProductDraft draft() {
      return new ProductDraft(name, description, category, price);
    }
  }

  /** {@code PUT /api/products/{sku}}: the whole product but its sku, which is in the path. */
  record ProductChange(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      @NotBlank @Size(max = 100) String category,
      @NotNull @DecimalMin(value = "0", inclusive = false)
      @Digits(integer = 10, fraction = 2) BigDecimal price) {

    ProductDraft draft() {
      return new ProductDraft(name, description, category, price);
    }
  }
}
