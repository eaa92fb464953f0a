package io.eventshop.lake.catalog;

/** A table this engine cannot read faithfully; the message says why. */
public final class UnsupportedTable extends RuntimeException {

  public UnsupportedTable(String message) {
    super(message);
  }
}
