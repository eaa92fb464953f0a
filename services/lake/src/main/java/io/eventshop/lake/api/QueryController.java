package io.eventshop.lake.api;

import io.eventshop.lake.query.QueryAnswer;
import io.eventshop.lake.query.QueryEngine;
import io.eventshop.lake.query.RefusedQuery;
import io.eventshop.platform.web.InvalidInput;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** SQL over the lake: one read-only SELECT per request, answered in full or refused. */
@RestController
@OpenAPIDefinition(info = @Info(title = "Lake API",
    version = "${spring.application.version:development}",
    description = "Read-only SQL (DuckDB) over the lake's Iceberg tables: every business topic"
        + " as raw.<topic> (hyphens as underscores: raw.customer_events), each at its latest"
        + " commit, a few seconds behind the topic."))
@Tag(name = "Lake", description = "SQL over the lake")
public class QueryController {

  private final QueryEngine engine;

  QueryController(QueryEngine engine) {
    this.engine = engine;
  }

  @PostMapping("/api/lake/query")
  @Operation(summary = "Run one SELECT",
      description = "One read-only SELECT (WITH … SELECT, FROM-first too) over raw.* tables."
          + " Anything else — DDL, INSERT, COPY, ATTACH, INSTALL, LOAD, PRAGMA, SET, file-reading"
          + " table functions, several statements — is refused. Rows beyond the row limit are"
          + " cut (truncated: true); a query beyond the time limit is cancelled.")
  @ApiResponse(responseCode = "200", description = "The columns and rows",
      content = @Content(schema = @Schema(implementation = QueryAnswer.class)))
  @ApiResponse(responseCode = "400", description = "Refused or failed: `errors` names `sql` and"
      + " says why", content = @Content(mediaType = "application/problem+json",
      schema = @Schema(implementation = ProblemDetail.class)))
  public QueryAnswer query(@RequestBody QueryRequest request) {
    try {
      return engine.run(request.sql());
    } catch (RefusedQuery refused) {
      throw new InvalidInput("sql", refused.getMessage());
    }
  }
}
