package io.eventshop.product.api;

import io.eventshop.product.ProductService;
import io.eventshop.product.api.ProductRequests.NewProduct;
import io.eventshop.product.api.ProductRequests.ProductChange;
import io.eventshop.product.domain.CatalogueItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue's REST API. Errors are problem+json (platform). */
@RestController
@RequestMapping("/api/products")
class ProductController {

  private final ProductService products;

  ProductController(ProductService products) {
    this.products = products;
  }

  /** Creates a product: 201 with its Location, 409 if the sku exists. */
  @PostMapping
  ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct product) {
    CatalogueItem created = products.create(product.sku(), product.draft());
    return ResponseEntity.created(URI.create("/api/products/" + created.sku()))
        .body(ProductView.of(created));
  }

  /** Replaces a product's name, description, category and price; 404 if unknown. */
  @PutMapping("/{sku}")
  ProductView change(
      @PathVariable @Pattern(regexp = ProductRequests.SKU, message = ProductRequests.SKU_MESSAGE)
      String sku,
      @Valid @RequestBody ProductChange change) {
    return ProductView.of(products.change(sku, change.draft()));
  }

  /** One product; 404 if unknown. */
  @GetMapping("/{sku}")
  ProductView find(@PathVariable String sku) {
    return ProductView.of(products.find(sku));
  }

  /**
   * A page of products sorted by sku, optionally only those whose name or category contains
   * {@code q} (case-insensitive) and of one {@code category} (exact).
   */
  @GetMapping
  ProductView.Page list(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(required = false) @Size(max = 100) String category) {
    List<CatalogueItem> matching = products.all().stream()
        .filter(matches(q, category))
        .toList();
    List<ProductView> items = matching.stream()
        .skip((long) page * size)
        .limit(size)
        .map(ProductView::of)
        .toList();
    int totalPages = (matching.size() + size - 1) / size;
    return new ProductView.Page(items, page, size, matching.size(), totalPages);
  }

  private static Predicate<CatalogueItem> matches(String q, String category) {
    String needle = q == null || q.isBlank() ? null : q.toLowerCase(Locale.ROOT);
    return item -> (category == null || category.isBlank() || item.category().equals(category))
        && (needle == null || item.name().toLowerCase(Locale.ROOT).contains(needle)
        || item.category().toLowerCase(Locale.ROOT).contains(needle));
  }
}
