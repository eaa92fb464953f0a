package io.eventshop.lake.query;

import java.util.List;

/**
 * What a query found.
 *
 * @param columns   name and DuckDB type of each column, in order
 * @param rows      the rows, each a list of values in column order
 * @param truncated whether there were more rows than the row limit
 * @param elapsedMs from receiving the statement to the last row, planning included
 */
public record QueryAnswer(List<Column> columns, List<List<Object>> rows, boolean truncated,
                          long elapsedMs) {

  /** A column of the answer. */
  public record Column(String name, String type) {
  }
}
