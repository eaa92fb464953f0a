package io.eventshop.lake.query;

import java.util.Locale;

/**
 * The little a refusal needs to know of SQL text before DuckDB's parser reads it: how many
 * statements it holds and the keyword that starts it, past comments and parentheses. Strings,
 * quoted names and comments are skipped, so a {@code ;} inside them counts for nothing.
 */
final class SqlText {

  private SqlText() {
  }

  /** The statements of {@code sql}, counting only those with something in them. */
  static int statementCount(String sql) {
    int statements = 0;
    boolean content = false;
    for (int i = 0; i < sql.length(); i++) {
      int skipped = skip(sql, i);
      if (skipped != i) {
        content |= sql.charAt(i) == '\'' || sql.charAt(i) == '"';
        i = skipped - 1;
      } else if (sql.charAt(i) == ';') {
        statements += content ? 1 : 0;
        content = false;
      } else if (!Character.isWhitespace(sql.charAt(i))) {
        content = true;
      }
    }
    return statements + (content ? 1 : 0);
  }

  /** The first keyword, upper case ({@code SELECT}, {@code WITH}, {@code COPY}); "" if none. */
  static String firstKeyword(String sql) {
    int i = 0;
    while (i < sql.length()) {
      int skipped = skip(sql, i);
      if (skipped != i && sql.charAt(i) != '\'' && sql.charAt(i) != '"') {
        i = skipped;
      } else if (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(') {
        i++;
      } else {
        break;
      }
    }
    int end = i;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return sql.substring(i, end).toUpperCase(Locale.ROOT);
  }

  /** Past the string, quoted name or comment at {@code i}; {@code i} when there is none. */
  private static int skip(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int end = i + 1;
      while (end < sql.length()) {
        if (sql.charAt(end) == c) {
          // a doubled quote is the quote itself
          if (end + 1 < sql.length() && sql.charAt(end + 1) == c) {
            end += 2;
            continue;
          }
          return end + 1;
        }
        end++;
      }
      return sql.length();
    }
    if (sql.startsWith("--", i)) {
      int end = sql.indexOf('\n', i);
      return end < 0 ? sql.length() : end + 1;
    }
    if (sql.startsWith("/*", i)) {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i;
  }
}
