package io.eventshop.sql.ksql;

/**
 * One token of a statement, with where it starts in the script (line and column from 1).
 *
 * @param kind   what sort of token
 * @param text   the text as written, without the quotes of a string or a quoted identifier
 * @param line   line of its first character
 * @param column column of its first character
 */
public record Token(Kind kind, String text, int line, int column) {

  /** Sorts of tokens. */
  public enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL, END }

  /** Whether this is the (unquoted, case-insensitive) keyword {@code word}. */
  public boolean is(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  /** Whether this is the symbol {@code symbol}. */
  public boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  /** How an error message quotes it. */
  public String describe() {
    return switch (kind) {
      case END -> "the end of the statement";
      case STRING -> "'" + text + "'";
      case QUOTED -> "`" + text + "`";
      default -> "'" + text + "'";
    };
  }

  /** The token as Flink SQL spells it. */
  public String flink() {
    return switch (kind) {
      case STRING -> "'" + text.replace("'", "''") + "'";
      case QUOTED -> "`" + text.replace("`", "``") + "`";
      default -> text;
    };
  }
}
