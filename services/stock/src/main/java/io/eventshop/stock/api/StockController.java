package io.eventshop.stock.api;

import io.eventshop.platform.web.NotFound;
import io.eventshop.platform.web.Unavailable;
import io.eventshop.stock.domain.StockLevel;
import io.eventshop.stock.keeping.StockWriter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Goods receipts and stock levels. Reads answer from the last committed state of the writer. */
@RestController
@RequestMapping("/api/stock")
public class StockController {

  static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

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
  public StockView level(@PathVariable @Pattern(regexp = SKU) String sku) {
    return writer.levelOf(sku).map(StockView::of).orElseThrow(() -> new NotFound("stock", sku));
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
