package io.eventshop.sql.ksql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements ended by {@code ;} and each into tokens, keeping the line and
 * column of every token so that errors point at the script the user wrote. Comments ({@code --}
 * to the end of the line, and block comments) are dropped.
 */
public final class Lexer {

  private Lexer() {
  }

  /** The statements of {@code script}, each a list of tokens ending with an END token. */
  public static List<List<Token>> statements(String script) {
    List<List<Token>> statements = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int i = 0;
    int line = 1;
    int column = 1;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '\n') {
        i++;
        line++;
        column = 1;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        column++;
        continue;
      }
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        while (i < n && script.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        if (end < 0) {
          throw new KsqlException(line, column, "a comment opened here is never closed");
        }
        for (int k = i; k < end + 2; k++) {
          if (script.charAt(k) == '\n') {
            line++;
            column = 1;
          } else {
            column++;
          }
        }
        i = end + 2;
        continue;
      }
      int startLine = line;
      int startColumn = column;
      if (c == ';') {
        if (!current.isEmpty()) {
          current.add(new Token(Token.Kind.END, ";", startLine, startColumn));
          statements.add(current);
          current = new ArrayList<>();
        }
        i++;
        column++;
        continue;
      }
      if (c == '\'' || c == '`' || c == '"') {
        StringBuilder text = new StringBuilder();
        int k = i + 1;
        int l = line;
        int col = column + 1;
        boolean closed = false;
        while (k < n) {
          char d = script.charAt(k);
          if (d == c) {
            if (k + 1 < n && script.charAt(k + 1) == c) {
              text.append(c);
              k += 2;
              col += 2;
              continue;
            }
            closed = true;
            break;
          }
          text.append(d);
          if (d == '\n') {
            l++;
            col = 1;
          } else {
            col++;
          }
          k++;
        }
        if (!closed) {
          throw new KsqlException(startLine, startColumn, (c == '\'' ? "a string" : "an identifier")
              + " opened here is never closed");
        }
        current.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED, text.toString(),
            startLine, startColumn));
        i = k + 1;
        line = l;
        column = col + 1;
        continue;
      }
      if (Character.isLetter(c) || c == '_') {
        int k = i;
        while (k < n && (Character.isLetterOrDigit(script.charAt(k)) || script.charAt(k) == '_'
            || script.charAt(k) == '$')) {
          k++;
        }
        current.add(new Token(Token.Kind.WORD, script.substring(i, k), startLine, startColumn));
        column += k - i;
        i = k;
        continue;
      }
      if (Character.isDigit(c)) {
        int k = i;
        while (k < n && (Character.isDigit(script.charAt(k)) || script.charAt(k) == '.')) {
          k++;
        }
        current.add(new Token(Token.Kind.NUMBER, script.substring(i, k), startLine, startColumn));
        column += k - i;
        i = k;
        continue;
      }
      String two = i + 1 < n ? script.substring(i, i + 2) : "";
      if (two.equals("->") || two.equals("<=") || two.equals(">=") || two.equals("<>")
          || two.equals("!=") || two.equals("||")) {
        current.add(new Token(Token.Kind.SYMBOL, two, startLine, startColumn));
        i += 2;
        column += 2;
        continue;
      }
      if ("(),.=<>+-*/%".indexOf(c) >= 0) {
        current.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), startLine, startColumn));
        i++;
        column++;
        continue;
      }
      throw new KsqlException(startLine, startColumn, "unexpected character '" + c + "'");
    }
    if (!current.isEmpty()) {
      Token last = current.get(current.size() - 1);
      throw new KsqlException(last.line(), last.column() + last.text().length(),
          "expected ';' at the end of the statement but found the end of the script");
    }
    return statements;
  }
}
