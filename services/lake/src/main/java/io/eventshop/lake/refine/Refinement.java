package io.eventshop.lake.refine;

import java.util.List;

/**
 * A table of the refined zone: what it holds and the SELECT over raw tables that builds it,
 * whole, from the raw zone (so it can be rebuilt at any time).
 *
 * @param name  the table's name in {@code refined}
 * @param reads the raw tables the SELECT reads ({@code raw.orders_enriched}), in the order a
 *              rebuild checks that they have a commit
 * @param sql   the SELECT
 */
public record Refinement(String name, List<String> reads, String sql) {

  public Refinement {
    reads = List.copyOf(reads);
  }
}
