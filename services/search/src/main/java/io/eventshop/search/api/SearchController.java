package io.eventshop.search.api;

import io.eventshop.platform.web.InvalidInput;
import io.eventshop.platform.web.Unavailable;
import io.eventshop.search.index.DocumentType;
import io.eventshop.search.index.InvalidQuery;
import io.eventshop.search.index.QueryText;
import io.eventshop.search.index.SearchAnswer;
import io.eventshop.search.index.SearchAnswer.Suggestion;
import io.eventshop.search.index.SearchIndex;
import io.eventshop.search.index.SearchRequest;
import io.eventshop.search.index.SearchRequest.Filters;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search API over the index the search sink keeps current. Every mistake in a request is a
 * 400 naming the parameter; an index that does not answer is a 503; a query is never a 500.
 */
@RestController
@OpenAPIDefinition(info = @Info(title = "Search API",
    version = "${spring.application.version:development}",
    description = "Full-text search over the shop's products, customers (admin) and orders,"
        + " kept current from the topics within about a second: typo-tolerant words, \"phrases\""
        + " and prefix* words, filters, facets, highlights and suggestions."))
@Tag(name = "Search", description = "Full-text search and suggestions")
@ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each parameter",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The index does not answer (a cluster down),"
    + " or the service is answering as many queries as it can (Retry-After: 1)",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
public class SearchController {

  private static final Logger log = LoggerFactory.getLogger(SearchController.class);

  private final SearchIndex index;
  private final QueryAdmission admission;

  SearchController(SearchIndex index, QueryAdmission admission) {
    this.index = index;
    this.admission = admission;
  }

  @GetMapping("/api/search")
  @Operation(summary = "Search",
      description = "Every word, phrase and prefix of `q` must match (no `q`: everything, for"
          + " browsing by facets). A plain word matches exactly, by its stem (mugs → mug) or"
          + " within one typo (3-5 letters) or two (longer); \"two words\" match in this order;"
          + " `mu*` matches words starting with mu. Customers are for the admin's search only"
          + " (`type=customer`), never in the shop's.")
  @ApiResponse(responseCode = "200", description = "The page of hits, the total and the facets",
      content = @Content(schema = @Schema(implementation = SearchAnswer.class)))
  public SearchAnswer search(
      @Parameter(description = "the query text (at most 200 characters)")
      @RequestParam(required = false) String q,
      @Parameter(description = "product (default), customer or order")
      @RequestParam(defaultValue = "product") String type,
      @Parameter(description = "products of this category")
      @RequestParam(required = false) @Size(min = 1, max = 100) String category,
      @Parameter(description = "products costing at least this (CHF)")
      @RequestParam(required = false) @DecimalMin("0") BigDecimal minPrice,
      @Parameter(description = "products costing at most this (CHF)")
      @RequestParam(required = false) @DecimalMin("0") BigDecimal maxPrice,
      @Parameter(description = "products with (true) or without (false) units available")
      @RequestParam(required = false) Boolean inStock,
      @Parameter(description = "customers (or orders of customers) of this country, ISO code")
      @RequestParam(required = false) @Pattern(regexp = "[A-Z]{2}") String country,
      @Parameter(description = "orders in this state: PLACED, VALIDATED, REJECTED, CANCELLED")
      @RequestParam(required = false)
      @Pattern(regexp = "PLACED|VALIDATED|REJECTED|CANCELLED") String state,
      @Parameter(description = "relevance (default), or a field: name, price, available"
          + " (products), name (customers), date, total (orders); -field for descending")
      @RequestParam(defaultValue = "relevance") String sort,
      @Parameter(description = "the page, from 0 (at most 10,000 hits can be paged through)")
      @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "hits per page, 1-100")
      @RequestParam(defaultValue = "10") int size) {
    SearchRequest request = checked(() -> new SearchRequest(DocumentType.fromApiName(type),
        QueryText.parse(q), new Filters(category, minPrice, maxPrice, inStock, country, state),
        sort, page, size));
    return admission.admit(() -> answered(() -> index.search(request)));
  }

  @GetMapping("/api/search/suggest")
  @Operation(summary = "Suggestions for the search box",
      description = "Products whose name has words starting like the words of `q` (each within"
          + " a typo from three letters on), best first.")
  @ApiResponse(responseCode = "200", description = "The suggestions (none: an empty list)")
  public List<Suggestion> suggest(
      @Parameter(description = "what was typed so far (1-100 characters)")
      @RequestParam @NotBlank @Size(max = 100) String q,
      @Parameter(description = "how many suggestions, 1-20")
      @RequestParam(defaultValue = "10") @Min(1) @Max(20) int size) {
    return admission.admit(() -> answered(() -> index.suggest(q, size)));
  }

  private static <T> T checked(Supplier<T> request) {
    try {
      return request.get();
    } catch (InvalidQuery invalid) {
      throw new InvalidInput(invalid.parameter(), invalid.problem());
    }
  }

  private static <T> T answered(Supplier<T> query) {
    try {
      return query.get();
    } catch (InvalidQuery invalid) {
      throw new InvalidInput(invalid.parameter(), invalid.problem());
    } catch (SearchException e) {
      log.warn("the index did not answer a query: {}", e.toString());
      throw new Unavailable("the search index does not answer right now; try again shortly");
    }
  }
}
