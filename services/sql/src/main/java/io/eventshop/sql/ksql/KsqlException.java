package io.eventshop.sql.ksql;

/**
 * A statement the translator cannot read or cannot map to Flink SQL, with where in the script it
 * went wrong: {@code line 3:17: expected ')' but found 'FROM'}.
 */
public class KsqlException extends RuntimeException {

  private final int line;
  private final int column;

  public KsqlException(int line, int column, String message) {
    super("line " + line + ":" + column + ": " + message);
    this.line = line;
    this.column = column;
  }

  /** What was expected where {@code found} stands. */
  public static KsqlException expected(Token found, String expected) {
    return new KsqlException(found.line(), found.column(),
        "expected " + expected + " but found " + found.describe());
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
