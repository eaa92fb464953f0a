package io.eventshop.launcher.sql;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * The prompt's parser: Enter on a statement not yet ended by {@code ;} opens a new line of the
 * same entry instead of running it, as in ksqlDB's and psql's CLIs. Words are split as JLine
 * does by default, for completion; backslashes are kept as typed (SQL has no such escapes).
 */
final class StatementParser extends DefaultParser {

  StatementParser() {
    setEscapeChars(new char[0]);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && awaitsMore(line)) {
      throw new EOFError(-1, -1, "a statement ends with ;");
    }
    return super.parse(line, cursor, context);
  }

  static boolean awaitsMore(String entry) {
    return StatementScript.of(entry).unended()
        .filter(statement -> !SqlPrompt.isExit(statement.text())).isPresent();
  }
}
