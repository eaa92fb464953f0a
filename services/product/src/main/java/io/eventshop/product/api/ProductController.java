package io.eventshop.product.api;

import io.eventshop.product.ProductService;
import io.eventshop.product.api.ProductRequests.NewProduct;
import io.eventshop.product.api.ProductRequests.ProductChange;
import io.eventshop.product.domain.CatalogueItem;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.ProblemDetail;
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
@OpenAPIDefinition(info = @Info(title = "Product API",
    version = "${spring.application.version:development}",
    description = "The catalogue: products with their name, category, description and price in"
        + " CHF. Every change is written to the compacted `products` topic before it is"
        + " answered; reads answer from the service's view of that topic, which the order"
        + " service prices its orders from too."))
@Tag(name = "Products", description = "The catalogue")
@ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
class ProductController {

  private final ProductService products;

  ProductController(ProductService products) {
    this.products = products;
  }

  /** Creates a product: 201 with its Location, 409 if the sku exists. */
  @PostMapping
  @Operation(summary = "Create a product",
      description = "Adds a product to the catalogue under a new sku (3 to 32 upper-case"
          + " letters, digits or dashes).")
  @ApiResponse(responseCode = "201", description = "Created; `Location` names the product")
  @ApiResponse(responseCode = "409", description = "A product with this sku exists",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "Not written to Kafka in time, so not made;"
      + " retry", content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct product) {
    CatalogueItem created = products.create(product.sku(), product.draft());
    return ResponseEntity.created(URI.create("/api/products/" + created.sku()))
        .body(ProductView.of(created));
  }

  /** Replaces a product's name, description, category and price; 404 if unknown. */
  @PutMapping("/{sku}")
  @Operation(summary = "Change a product",
      description = "Replaces the name, description, category and price of a product; orders"
          + " placed from then on are priced with the new price.")
  @ApiResponse(responseCode = "200", description = "The product as changed")
  @ApiResponse(responseCode = "404", description = "No product has this sku",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "503", description = "Not written to Kafka in time, so not"
      + " changed; retry", content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  ProductView change(
      @PathVariable @Pattern(regexp = ProductRequests.SKU, message = ProductRequests.SKU_MESSAGE)
      String sku,
      @Valid @RequestBody ProductChange change) {
    return ProductView.of(products.change(sku, change.draft()));
  }

  /** One product; 404 if unknown. */
  @GetMapping("/{sku}")
  @Operation(summary = "A product", description = "One product of the catalogue by its sku.")
  @ApiResponse(responseCode = "200", description = "The product")
  @ApiResponse(responseCode = "404", description = "No product has this sku",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  ProductView find(@PathVariable String sku) {
    return ProductView.of(products.find(sku));
  }

  /**
   * A page of products sorted by sku, optionally only those whose name or category contains
   * {@code q} (case-insensitive) and of one {@code category} (exact).
   */
  @GetMapping
  @Operation(summary = "Browse the catalogue",
      description = "A page of products sorted by sku, optionally only those whose name or"
          + " category contains `q` (case-insensitive) and of one `category`.")
  @ApiResponse(responseCode = "200", description = "The page, with the total of matches")
  ProductView.Page list(
      @Parameter(description = "page number, from 0")
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @Parameter(description = "products per page, 1 to 100")
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @Parameter(description = "text the name or category contains")
      @RequestParam(required = false) @Size(max = 100) String q,
      @Parameter(description = "exactly this category")
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
