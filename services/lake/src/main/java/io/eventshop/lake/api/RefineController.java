package io.eventshop.lake.api;

import io.eventshop.lake.refine.RefineResult;
import io.eventshop.lake.refine.Refiner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The refined zone on demand (it is also rebuilt on a schedule). */
@RestController
@Tag(name = "Lake", description = "SQL over the lake")
public class RefineController {

  private final Refiner refiner;

  RefineController(Refiner refiner) {
    this.refiner = refiner;
  }

  @PostMapping("/api/lake/refine")
  @Operation(summary = "Rebuild the refined tables from the raw zone",
      description = "Rebuilds every refined table (refined.daily_revenue,"
          + " refined.customer_lifetime_value, refined.stock_turnover, refined.daily_funnel) from the raw tables' current snapshots and"
          + " answers when done; a table whose raw tables have no commit yet is skipped.")
  @ApiResponse(responseCode = "200", description = "Each table with its rows, or why it was"
      + " skipped")
  @ApiResponse(responseCode = "500", description = "A refinement failed; the tables keep their"
      + " last content", content = @Content(mediaType = "application/problem+json",
      schema = @Schema(implementation = ProblemDetail.class)))
  public List<RefineResult> refine() {
    return refiner.rebuildAll();
  }
}
