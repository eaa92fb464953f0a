package io.eventshop.lake.catalog;

import java.util.List;

/**
 * One table of the lake as a query reads it now: the Parquet files of its current snapshot.
 *
 * @param zone  the namespace, {@code raw} or {@code refined}
 * @param name  the table's name in its zone ({@code orders})
 * @param files the local paths of its data files; empty when nothing is committed yet
 */
public record LakeTable(String zone, String name, List<String> files) {

  public LakeTable {
    files = List.copyOf(files);
  }

  /** {@code raw.orders}: how SQL names it. */
  public String qualifiedName() {
    return zone + "." + name;
  }
}
