package io.eventshop.connect.connectors;

/**
 * A connector configuration that cannot run, named by connector and field, so that the one line a
 * user reads at start says what to fix.
 */
public final class InvalidConnectorException extends RuntimeException {

  private final String field;

  public InvalidConnectorException(String connector, String field, String problem) {
    super("connector " + connector + ": " + field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
