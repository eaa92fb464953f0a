package io.eventshop.lake.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/lake/query}'s body. */
public record QueryRequest(
    @Schema(description = "one read-only SELECT over raw.* and refined.* tables",
        example = "SELECT count(*) FROM raw.orders")
    String sql) {
}
