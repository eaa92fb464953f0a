package io.eventshop.launcher.sql;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completes KSQL's keywords and the names of the service's streams and tables; JLine keeps
 * the candidates that start with the word at the cursor.
 */
final class SqlCompleter implements Completer {

  static final List<String> KEYWORDS = List.of("ADVANCE", "AND", "AS", "AVG", "BEGINNING", "BY",
      "CHANGES", "COUNT", "CREATE", "DELETE", "DESCRIBE", "DROP", "EMIT", "EXISTS", "EXIT", "FROM",
      "GROUP", "HAVING", "HOPPING", "IF", "INSERT", "INTO", "IS", "JOIN", "KAFKA_TOPIC", "LEFT",
      "LIMIT", "MAX", "MIN", "NOT", "NULL", "ON", "OR", "PARTITIONS", "PRINT", "PROPERTIES",
      "QUERIES", "SECONDS", "MINUTES", "HOURS", "SELECT", "SESSION", "SET", "SHOW", "SIZE",
      "STREAM", "STREAMS", "SUM", "TABLE", "TABLES", "TERMINATE", "TIMESTAMP", "TOPIC", "TOPICS",
      "TUMBLING", "UNSET", "VALUE_FORMAT", "WHERE", "WINDOW", "WINDOWEND", "WINDOWSTART", "WITH",
      "WITHIN");

  private volatile SortedSet<String> sources = new TreeSet<>();

  /** The streams and tables the service has now (asked between two entries). */
  void sources(SortedSet<String> names) {
    sources = names;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    KEYWORDS.forEach(keyword -> candidates.add(new Candidate(keyword)));
    sources.forEach(source -> candidates.add(new Candidate(source)));
  }
}
