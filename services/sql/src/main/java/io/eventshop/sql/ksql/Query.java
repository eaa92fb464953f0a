package io.eventshop.sql.ksql;

import java.util.List;

/**
 * A KSQL {@code SELECT} translated to Flink SQL.
 *
 * @param flinkSql  the Flink SQL query (no {@code EMIT CHANGES}, no {@code LIMIT})
 * @param sources   the streams and tables it reads, as written
 * @param windowed  whether it aggregates in windows (its rows are final once a window closes)
 * @param groupBy   the GROUP BY expressions as written in Flink SQL (without the window's
 *                  bounds); empty when it does not aggregate
 * @param limit     {@code LIMIT n}, or null: the query runs until it is closed
 */
public record Query(String flinkSql, List<String> sources, boolean windowed, List<String> groupBy,
                    Integer limit) {

  /** Whether the query aggregates without windows: its result is a table updated in place. */
  public boolean updating() {
    return !windowed && !groupBy.isEmpty();
  }
}
