package io.eventshop.gateway.stock;

import io.eventshop.gateway.web.Problems;
import io.eventshop.gateway.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/stock?sku=A&sku=B}: the stock levels of the products a shop page shows, in one
 * request. The stock service answers one product at a time, and 404 for a product that never
 * received goods; a page asking for each would log one error per such product in the browser's
 * console, although "none in stock" is a normal answer. Served by the gateway (it asks the stock
 * service for each), ahead of the route of {@code /api/stock/**}.
 */
@RestController
@Tag(name = "Stock levels", description = "Stock levels of many products at once")
public class StockLevelsController {

  private static final Logger log = LoggerFactory.getLogger(StockLevelsController.class);
  static final int MAX_SKUS = 100;
  // the stock service's own sku pattern: a sku is put into its path
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final StockLevels levels;
  private final Problems problems;

  public StockLevelsController(StockLevels levels, Problems problems) {
    this.levels = levels;
    this.problems = problems;
  }

  @GetMapping(path = "/api/stock", params = "sku",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Stock levels of several products",
      description = "Each level as `GET /api/stock/{sku}` answers it, in the order asked. A"
          + " product without a level (it never received goods) is left out: it has none"
          + " available, and that is no error.")
  @ApiResponse(responseCode = "200", description = "The levels known")
  @ApiResponse(responseCode = "400", description = "No sku, more than " + MAX_SKUS
      + ", or one that is not a sku", content = @Content(
          mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  @ApiResponse(responseCode = "503", description = "The stock service cannot answer right now",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  public Mono<List<StockLevel>> levels(
      @Parameter(description = "A product's sku; repeat it (or separate with commas) for more,"
          + " at most " + MAX_SKUS)
      @RequestParam List<String> sku,
      ServerWebExchange exchange) {
    List<String> skus = sku.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (skus.isEmpty() || skus.size() > MAX_SKUS) {
      throw problems.exception(exchange, HttpStatus.BAD_REQUEST, "invalid-input",
          "sku: give 1 to " + MAX_SKUS + " skus", Map.of("field", "sku"));
    }
    skus.stream().filter(s -> !SKU.matcher(s).matches()).findFirst().ifPresent(bad -> {
      throw problems.exception(exchange, HttpStatus.BAD_REQUEST, "invalid-input",
          "sku: '" + bad + "' is not a sku", Map.of("field", "sku"));
    });
    String requestId = RequestIdFilter.requestIdOf(exchange);
    return levels.of(skus, requestId)
        .onErrorMap(StockLevels.StockUnavailable.class, unavailable -> {
          log.warn("stock service unavailable for stock levels (request {}): {}", requestId,
              unavailable.getMessage());
          return problems.exception(exchange, HttpStatus.SERVICE_UNAVAILABLE,
              "service-unavailable",
              "The stock service is not available right now; try again shortly",
              Map.of("service", "stock"));
        });
  }
}
