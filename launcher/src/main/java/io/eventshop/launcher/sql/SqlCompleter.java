package io.eventshop.launcher.sql;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completes a dialect's keywords and the names a session has (the sql service's streams and
 * tables); JLine keeps the candidates that start with the word at the cursor.
 */
final class SqlCompleter implements Completer {

  /** KSQL's keywords. */
  static final List<String> KSQL_KEYWORDS = List.of("ADVANCE", "AND", "AS", "AVG", "BEGINNING",
      "BY", "CHANGES", "COUNT", "CREATE", "DELETE", "DESCRIBE", "DROP", "EMIT", "EXISTS", "EXIT",
      "FROM",
      "GROUP", "HAVING", "HOPPING", "IF", "INSERT", "INTO", "IS", "JOIN", "KAFKA_TOPIC", "LEFT",
      "LIMIT", "MAX", "MIN", "NOT", "NULL", "ON", "OR", "PARTITIONS", "PRINT", "PROPERTIES",
      "QUERIES", "SECONDS", "MINUTES", "HOURS", "SELECT", "SESSION", "SET", "SHOW", "SIZE",
      "STREAM", "STREAMS", "SUM", "TABLE", "TABLES", "TERMINATE", "TIMESTAMP", "TOPIC", "TOPICS",
      "TUMBLING", "UNSET", "VALUE_FORMAT", "WHERE", "WINDOW", "WINDOWEND", "WINDOWSTART", "WITH",
      "WITHIN");

  private final List<String> keywords;
  private volatile SortedSet<String> names = new TreeSet<>();

  SqlCompleter(List<String> keywords) {
    this.keywords = List.copyOf(keywords);
  }

  /** The names the session has now (asked between two entries). */
  void names(SortedSet<String> names) {
    this.names = names;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    keywords.forEach(keyword -> candidates.add(new Candidate(keyword)));
    names.forEach(name -> candidates.add(new Candidate(name)));
  }
}
