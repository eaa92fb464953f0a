package io.eventshop.launcher.sql;

import java.util.Locale;

/**
 * One statement as the user wrote it, without its {@code ;}, and the line of the input (file or
 * prompt entry) it starts on, so that an error names the line the user sees.
 */
public record Statement(String text, int line) {

  /** Push queries and PRINT stream rows through {@code /query-stream}; the rest go to /ksql. */
  public boolean streams() {
    String head = text.stripLeading().toUpperCase(Locale.ROOT);
    return head.startsWith("SELECT") || head.startsWith("PRINT");
  }
}
