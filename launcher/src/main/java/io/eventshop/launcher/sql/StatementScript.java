package io.eventshop.launcher.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a text (a file, or what was typed at the prompt), each ended by {@code ;};
 * a {@code ;} inside quotes or comments ends nothing. What follows the last {@code ;} is the
 * unended statement: a file runs it as its last, the prompt waits for more lines.
 */
public record StatementScript(List<Statement> ended, Optional<Statement> unended) {

  /** Every statement of a file, the unended last one included. */
  public List<Statement> all() {
    List<Statement> all = new ArrayList<>(ended);
    unended.ifPresent(all::add);
    return all;
  }

  public static StatementScript of(String script) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int line = 1;
    int start = -1;
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
        while (i < script.length() && script.charAt(i) != '\n') {
          i++;
        }
        if (i < script.length()) {
          line++;
          current.append('\n');
        }
        continue;
      }
      if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? script.length() : end + 2;
        for (int k = i; k < end; k++) {
          if (script.charAt(k) == '\n') {
            line++;
            current.append('\n');
          }
        }
        i = end - 1;
        continue;
      }
      if (c == '\'' || c == '`' || c == '"') {
        int end = i + 1;
        while (end < script.length() && script.charAt(end) != c) {
          end++;
        }
        String quoted = script.substring(i, Math.min(end + 1, script.length()));
        if (start < 0) {
          start = line;
        }
        current.append(quoted);
        line += (int) quoted.chars().filter(ch -> ch == '\n').count();
        i = end;
        continue;
      }
      if (c == ';') {
        if (start >= 0) {
          statements.add(new Statement(current.toString().strip(), start));
        }
        current.setLength(0);
        start = -1;
        continue;
      }
      if (c == '\n') {
        line++;
      } else if (!Character.isWhitespace(c) && start < 0) {
        start = line;
      }
      if (start >= 0 || !Character.isWhitespace(c)) {
        current.append(c);
      }
    }
    Optional<Statement> unended = start >= 0 && !current.toString().isBlank()
        ? Optional.of(new Statement(current.toString().strip(), start)) : Optional.empty();
    return new StatementScript(List.copyOf(statements), unended);
  }
}
