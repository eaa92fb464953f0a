package io.eventshop.search.api;

import io.eventshop.platform.web.Conflict;
import io.eventshop.platform.web.NotFound;
import io.eventshop.search.kafka.Rebuild;
import io.eventshop.search.kafka.SearchSink;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilding the index from the topics ({@code ./eventshop search reindex}). An operator's
 * endpoint of the service itself: the gateway routes {@code /api/search/**} only, so shoppers
 * cannot start a rebuild.
 */
@RestController
@RequestMapping("/admin/index/rebuild")
@Tag(name = "Index", description = "Rebuilding the index (the service's own port, not routed)")
class RebuildController {

  private static final String PATH = "/admin/index/rebuild";

  private final SearchSink sink;

  RebuildController(SearchSink sink) {
    this.sink = sink;
  }

  @PostMapping
  @Operation(summary = "Rebuild the index from the topics",
      description = "Deletes every document and reads every topic again from its start. Searches"
          + " answer meanwhile from what is rebuilt so far; the health is DOWN until it is done.")
  @ApiResponse(responseCode = "202", description = "Begun; `Location` tells how far it is")
  @ApiResponse(responseCode = "409", description = "A rebuild is running",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<Rebuild> rebuild() {
    sink.rebuildProgress().filter(last -> last.state() == Rebuild.State.REBUILDING)
        .ifPresent(running -> {
          throw new Conflict("rebuild", "index", "a rebuild is running (" + running.offsetsRead()
              + " of " + running.offsetsToRead() + " offsets read); wait for it to finish");
        });
    return ResponseEntity.accepted().location(URI.create(PATH)).body(sink.rebuild());
  }

  @GetMapping
  @Operation(summary = "How far the last rebuild is")
  @ApiResponse(responseCode = "200", description = "The last rebuild since the service started")
  @ApiResponse(responseCode = "404", description = "None since the service started",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  Rebuild progress() {
    return sink.rebuildProgress().orElseThrow(() -> new NotFound("rebuild", "index"));
  }
}
