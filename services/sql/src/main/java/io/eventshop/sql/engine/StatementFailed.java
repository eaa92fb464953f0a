package io.eventshop.sql.engine;

/**
 * A statement the engine refused or Flink could not plan: the user's error, answered with 400
 * and the statement's position, never a 5xx.
 */
public class StatementFailed extends RuntimeException {

  private final int line;
  private final int column;
  private final String statement;

  public StatementFailed(int line, int column, String statement, String message) {
    super("line " + line + ":" + column + ": " + message);
    this.line = line;
    this.column = column;
    this.statement = statement;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String statement() {
    return statement;
  }
}
