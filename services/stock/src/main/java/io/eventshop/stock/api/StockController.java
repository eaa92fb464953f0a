package io.eventshop.stock.api;

import io.eventshop.platform.web.NotFound;
import io.eventshop.platform.web.Unavailable;
import io.eventshop.stock.domain.StockLevel;
import io.eventshop.stock.keeping.StockWriter;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Goods receipts and stock levels. Reads answer from the last committed state of the writer. */
@RestController
@RequestMapping("/api/stock")
@OpenAPIDefinition(info = @Info(title = "Stock API",
    version = "${spring.application.version:development}",
    description = "Goods receipts and stock levels. One fenced transactional writer keeps every"
        + " product's level and reserves stock for the orders it validates (releasing it when an"
        + " order is rejected or cancelled); reads answer from its last committed state."))
@Tag(name = "Stock", description = "What is on hand, reserved and available per product")
@ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The stock writer is not running (starting or"
    + " fenced); retry shortly", content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
public class StockController {

  static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
  static final int MAX_SKUS = 100;

  /** Goods received: a positive number of units. */
  public record Receipt(@NotNull @Positive Long quantity) {
  }

  /** A product's stock: {@code available = onHand - reserved}. */
  public record StockView(String sku, long onHand, long reserved, long available) {

    static StockView of(StockLevel level) {
      return new StockView(level.sku(), level.onHand(), level.reserved(), level.available());
    }
  }

  private final StockWriter writer;

  public StockController(StockWriter writer) {
    this.writer = writer;
  }

  /**
   * Applies a goods receipt in the writer's next transaction and answers with the new level once
   * it is committed (no thread waits meanwhile).
   */
  @PostMapping("/{sku}/receipts")
  @Operation(summary = "Receive goods",
      description = "Adds a positive number of units to the product's stock on hand, in the"
          + " writer's next transaction; answers with the new level once that is committed.")
  @ApiResponse(responseCode = "200", description = "The level after the receipt")
  public CompletableFuture<StockView> receive(@PathVariable @Pattern(regexp = SKU) String sku,
                                              @Valid @RequestBody Receipt receipt) {
    if (writer.status() != StockWriter.Status.RUNNING) {
      throw new Unavailable("the stock writer is " + writer.status());
    }
    return writer.receive(sku, receipt.quantity())
        .handle((level, error) -> {
          if (error != null) {
            throw new CompletionException(new Unavailable(
                "the receipt was not committed: " + rootMessage(error)));
          }
          return StockView.of(level);
        });
  }

  /** 404 for a sku stock never received goods of. */
  @GetMapping("/{sku}")
  @Operation(summary = "A product's stock level",
      description = "On hand, reserved (by validated orders not yet cancelled) and available"
          + " units. A product that never received goods has no level here (404);"
          + " `GET /api/stock?sku=…` reads many at once and leaves such products out.")
  @ApiResponse(responseCode = "200", description = "The level")
  @ApiResponse(responseCode = "404", description = "The product never received goods",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  public StockView level(@PathVariable @Pattern(regexp = SKU) String sku) {
    return writer.levelOf(sku).map(StockView::of).orElseThrow(() -> new NotFound("stock", sku));
  }

  /**
   * The levels of the products a shop page shows, in one request. A product that never received
   * goods is left out: "none available" is a normal answer, not a 404 per product in the
   * browser's console.
   */
  @GetMapping(params = "sku")
  @Operation(summary = "Stock levels of several products",
      description = "Each level as `GET /api/stock/{sku}` answers it, in the order asked (`sku`"
          + " repeated or comma-separated, 1 to " + MAX_SKUS + "). A product that never received"
          + " goods has no level and is left out: it has none available, and that is no error.")
  @ApiResponse(responseCode = "200", description = "The levels known")
  public List<StockView> levels(
      @RequestParam @Size(min = 1, max = MAX_SKUS) List<@Pattern(regexp = SKU) String> sku) {
    return sku.stream().distinct().map(writer::levelOf).flatMap(Optional::stream)
        .map(StockView::of).toList();
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
