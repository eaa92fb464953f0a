package io.eventshop.sql.ksql;

import io.eventshop.sql.ksql.KsqlStatement.Column;
import io.eventshop.sql.ksql.KsqlStatement.Listing;
import io.eventshop.sql.ksql.KsqlStatement.Position;
import io.eventshop.sql.ksql.KsqlStatement.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads KSQL statements and translates them to what Flink SQL runs. Pure: no Flink, no registry,
 * no catalogue. A statement it does not know as KSQL is handed to Flink as written; a KSQL
 * statement it cannot map says so, with its line and column.
 *
 * <p>What changes on the way: {@code a->b} becomes {@code a.b}; {@code WINDOW TUMBLING|HOPPING|
 * SESSION} becomes Flink's window table functions over the source's {@code ROWTIME}, with the
 * window's bounds added to the GROUP BY; {@code WINDOWSTART}/{@code WINDOWEND} become
 * {@code window_start}/{@code window_end}; a stream-stream join {@code WITHIN} becomes an interval
 * join on both sides' {@code ROWTIME}; {@code EMIT CHANGES} and {@code LIMIT} are kept by the
 * engine, not by Flink. Identifiers are kept as written: Flink's are case-sensitive.
 */
public final class KsqlTranslator {

  /** Keywords that end the FROM clause at the top level of a SELECT. */
  private static final Set<String> AFTER_FROM = Set.of("WINDOW", "WHERE", "GROUP", "HAVING",
      "EMIT", "LIMIT", "PARTITION");
  private static final Set<String> JOINS = Set.of("JOIN", "LEFT", "RIGHT", "FULL", "INNER");
  private static final Set<String> VALUE_FORMATS = Set.of("AVRO", "JSON");
  private static final Set<String> WITH_PROPERTIES = Set.of("KAFKA_TOPIC", "VALUE_FORMAT",
      "KEY_FORMAT", "TIMESTAMP", "PARTITIONS", "REPLICAS", "FORMAT");
  private static final Map<String, String> FUNCTIONS = Map.of(
      "LATEST_BY_OFFSET", "LAST_VALUE", "EARLIEST_BY_OFFSET", "FIRST_VALUE",
      "COLLECT_LIST", "ARRAY_AGG", "UCASE", "UPPER", "LCASE", "LOWER", "LEN", "CHAR_LENGTH");

  private final UnaryOperator<String> sourceTable;

  /**
   * @param sourceTable the Flink table a query reads for a stream or table as written (the
   *                    engine reads a twin from the earliest offset when the session asks so)
   */
  public KsqlTranslator(UnaryOperator<String> sourceTable) {
    this.sourceTable = sourceTable;
  }

  /** A translator reading every source under its own name. */
  public KsqlTranslator() {
    this(UnaryOperator.identity());
  }

  /** Every statement of {@code script}, in order. */
  public List<KsqlStatement> translate(String script) {
    List<KsqlStatement> statements = new ArrayList<>();
    for (List<Token> tokens : Lexer.statements(script)) {
      statements.add(new Parser(tokens).statement());
    }
    return statements;
  }

  /** The statements of {@code script}, not yet translated (each translated with {@link #translate(List)}). */
  public static List<List<Token>> split(String script) {
    return Lexer.statements(script);
  }

  /** One statement of those {@link #split} gives. */
  public KsqlStatement translate(List<Token> statement) {
    return new Parser(statement).statement();
  }

  /** The one statement of {@code script}. */
  public KsqlStatement translateOne(String script) {
    List<KsqlStatement> statements = translate(script.strip().endsWith(";") ? script
        : script + ";");
    if (statements.size() != 1) {
      throw new KsqlException(1, 1, "expected one statement but found " + statements.size());
    }
    return statements.get(0);
  }

  /** Flink SQL's spelling of a KSQL interval such as {@code 30 SECONDS}. */
  static String interval(long amount, String unit, Token at) {
    String u = unit.toUpperCase(Locale.ROOT);
    if (u.endsWith("S")) {
      u = u.substring(0, u.length() - 1);
    }
    return switch (u) {
      case "MILLISECOND" -> "INTERVAL '" + (amount / 1000) + "." + String.format("%03d",
          amount % 1000) + "' SECOND";
      case "SECOND", "MINUTE", "HOUR", "DAY" -> "INTERVAL '" + amount + "' " + u;
      default -> throw KsqlException.expected(at,
          "a time unit (MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS)");
    };
  }

  /** A Flink identifier in backticks. */
  static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** Reads one statement. */
  private final class Parser {

    private final List<Token> tokens;
    private int at;

    Parser(List<Token> tokens) {
      this.tokens = tokens;
    }

    KsqlStatement statement() {
      Token first = peek();
      Position position = new Position(first.line(), first.column(), text(0, tokens.size() - 1));
      if (first.is("CREATE")) {
        return create(position);
      }
      if (first.is("SELECT")) {
        return select(position);
      }
      if (first.is("INSERT")) {
        return insert(position);
      }
      if (first.is("SHOW") || first.is("LIST")) {
        next();
        Token what = next();
        for (Listing listing : Listing.values()) {
          if (what.is(listing.name())) {
            if (listing == Listing.QUERIES || listing == Listing.STREAMS
                || listing == Listing.TABLES) {
              accept("EXTENDED");
            }
            end();
            return new KsqlStatement.Show(position, listing);
          }
        }
        if (first.is("LIST")) {
          throw KsqlException.expected(what, "STREAMS, TABLES, QUERIES, TOPICS or PROPERTIES");
        }
        // Flink's own SHOW (JOBS, FUNCTIONS, CATALOGS, …) goes through as written.
        return new KsqlStatement.FlinkSql(position, source(0, tokens.size() - 1));
      }
      if (first.is("DESCRIBE")) {
        next();
        accept("EXTENDED");
        String name = identifier("the name of a stream or table");
        end();
        return new KsqlStatement.Describe(position, name);
      }
      if (first.is("DROP") && (peek(1).is("STREAM") || peek(1).is("TABLE"))) {
        next();
        SourceKind kind = SourceKind.valueOf(next().text().toUpperCase(Locale.ROOT));
        boolean ifExists = false;
        if (accept("IF")) {
          expect("EXISTS");
          ifExists = true;
        }
        String name = identifier("the name of a " + kind.name().toLowerCase(Locale.ROOT));
        boolean deleteTopic = false;
        if (accept("DELETE")) {
          expect("TOPIC");
          deleteTopic = true;
        }
        end();
        return new KsqlStatement.Drop(position, kind, name, ifExists, deleteTopic);
      }
      if (first.is("TERMINATE")) {
        next();
        if (peek().is("ALL")) {
          throw new KsqlException(peek().line(), peek().column(),
              "TERMINATE ALL is not supported: terminate the queries one by one");
        }
        String id = identifier("a query id (SHOW QUERIES lists them)");
        end();
        return new KsqlStatement.Terminate(position, id);
      }
      if (first.is("SET")) {
        next();
        String key = string("a quoted property name such as 'auto.offset.reset'");
        expectSymbol("=");
        String value = string("a quoted value");
        end();
        return new KsqlStatement.SetProperty(position, key, value);
      }
      if (first.is("UNSET")) {
        next();
        String key = string("a quoted property name");
        end();
        return new KsqlStatement.UnsetProperty(position, key);
      }
      if (first.is("PRINT")) {
        next();
        Token topic = next();
        if (topic.kind() != Token.Kind.STRING && topic.kind() != Token.Kind.WORD
            && topic.kind() != Token.Kind.QUOTED) {
          throw KsqlException.expected(topic, "a topic name");
        }
        boolean beginning = false;
        if (accept("FROM")) {
          expect("BEGINNING");
          beginning = true;
        }
        Integer limit = null;
        if (accept("LIMIT")) {
          limit = number("the number of records");
        }
        end();
        return new KsqlStatement.Print(position, topic.text(), beginning, limit);
      }
      return new KsqlStatement.FlinkSql(position, source(0, tokens.size() - 1));
    }

    private KsqlStatement create(Position position) {
      next();
      boolean orReplace = false;
      if (accept("OR")) {
        expect("REPLACE");
        orReplace = true;
      }
      Token kindToken = peek();
      if (!kindToken.is("STREAM") && !kindToken.is("TABLE")) {
        if (kindToken.is("SOURCE") || kindToken.is("TYPE") || kindToken.is("CONNECTOR")) {
          throw new KsqlException(kindToken.line(), kindToken.column(), "CREATE "
              + kindToken.text() + " is not supported here: CREATE STREAM or CREATE TABLE");
        }
        return new KsqlStatement.FlinkSql(position, source(0, tokens.size() - 1));
      }
      if (kindToken.is("TABLE") && !isKsqlCreateTable()) {
        // Flink's own CREATE TABLE … WITH ('connector' = …) goes through as written.
        return new KsqlStatement.FlinkSql(position, source(0, tokens.size() - 1));
      }
      next();
      if (orReplace) {
        throw new KsqlException(position.line(), position.column(),
            "CREATE OR REPLACE is not supported: DROP it first, then CREATE");
      }
      SourceKind kind = SourceKind.valueOf(kindToken.text().toUpperCase(Locale.ROOT));
      boolean ifNotExists = false;
      if (accept("IF")) {
        expect("NOT");
        expect("EXISTS");
        ifNotExists = true;
      }
      String name = identifier("the name of the " + kind.name().toLowerCase(Locale.ROOT));
      List<Column> columns = new ArrayList<>();
      if (peek().isSymbol("(")) {
        columns = columns(kind);
      }
      Map<String, Token> with = new LinkedHashMap<>();
      Token withToken = peek();
      if (accept("WITH")) {
        with = properties();
      }
      if (accept("AS")) {
        if (!columns.isEmpty()) {
          throw new KsqlException(withToken.line(), withToken.column(),
              "a CREATE … AS SELECT takes its columns from the query: leave the column list out");
        }
        Token select = peek();
        if (!select.is("SELECT")) {
          throw KsqlException.expected(select, "SELECT");
        }
        Query query = query(select);
        String topic = with.containsKey("KAFKA_TOPIC") ? with.get("KAFKA_TOPIC").text() : name;
        String format = format(with, "AVRO");
        int partitions = with.containsKey("PARTITIONS")
            ? Integer.parseInt(with.get("PARTITIONS").text()) : 1;
        return new KsqlStatement.CreateAsSelect(position, kind, name, topic, format, partitions,
            query);
      }
      end();
      Token topic = with.get("KAFKA_TOPIC");
      if (topic == null) {
        throw new KsqlException(withToken.line(), withToken.column(), "CREATE "
            + kind + " " + name + " needs WITH (kafka_topic='…', value_format='AVRO'|'JSON')");
      }
      if (!with.containsKey("VALUE_FORMAT") && !with.containsKey("FORMAT")) {
        throw new KsqlException(withToken.line(), withToken.column(),
            "CREATE " + kind + " " + name + " needs value_format='AVRO' or 'JSON' in its WITH");
      }
      if (columns.isEmpty() && format(with, "AVRO").equals("JSON")) {
        throw new KsqlException(withToken.line(), withToken.column(),
            "a JSON " + kind.name().toLowerCase(Locale.ROOT)
                + " needs its columns declared: only AVRO takes them from the registry");
      }
      Token keyFormat = with.get("KEY_FORMAT");
      if (keyFormat != null && !keyFormat.text().equalsIgnoreCase("KAFKA")) {
        throw new KsqlException(keyFormat.line(), keyFormat.column(), "key_format "
            + keyFormat.describe() + " is not supported: the shop's keys are strings, 'KAFKA'");
      }
      String timestamp = with.containsKey("TIMESTAMP") ? with.get("TIMESTAMP").text() : null;
      return new KsqlStatement.CreateSource(position, kind, name, List.copyOf(columns),
          topic.text(), format(with, "AVRO"), timestamp, ifNotExists);
    }

    /** A KSQL CREATE TABLE has kafka_topic in its WITH or AS SELECT; Flink's has quoted keys. */
    private boolean isKsqlCreateTable() {
      for (int i = at; i < tokens.size() - 1; i++) {
        Token token = tokens.get(i);
        if (token.is("KAFKA_TOPIC") || token.is("VALUE_FORMAT")) {
          return true;
        }
        if (token.is("AS") && tokens.get(i + 1).is("SELECT")) {
          return true;
        }
        if (token.kind() == Token.Kind.STRING && token.text().equalsIgnoreCase("connector")) {
          return false;
        }
      }
      return true;
    }

    private String format(Map<String, Token> with, String fallback) {
      Token format = with.containsKey("VALUE_FORMAT") ? with.get("VALUE_FORMAT")
          : with.get("FORMAT");
      if (format == null) {
        return fallback;
      }
      String value = format.text().toUpperCase(Locale.ROOT);
      if (!VALUE_FORMATS.contains(value)) {
        throw KsqlException.expected(format, "value_format 'AVRO' or 'JSON'");
      }
      return value;
    }

    private List<Column> columns(SourceKind kind) {
      expectSymbol("(");
      List<Column> columns = new ArrayList<>();
      do {
        String name = identifier("a column name");
        String type = type();
        boolean key = false;
        if (accept("PRIMARY")) {
          expect("KEY");
          key = true;
        } else if (accept("KEY")) {
          key = true;
        }
        columns.add(new Column(name, type, key));
      } while (acceptSymbol(","));
      expectSymbol(")");
      if (kind == SourceKind.TABLE && columns.stream().noneMatch(Column::key)) {
        // A table's key is the record key; without a declared one it is ROWKEY.
      }
      return columns;
    }

    /** A KSQL type in Flink's spelling. */
    private String type() {
      Token type = next();
      if (type.kind() != Token.Kind.WORD) {
        throw KsqlException.expected(type, "a type (STRING, INT, BIGINT, DOUBLE, BOOLEAN, "
            + "DECIMAL, TIMESTAMP, DATE, ARRAY<…>, MAP<…>, STRUCT<…>)");
      }
      String name = type.text().toUpperCase(Locale.ROOT);
      switch (name) {
        case "STRING", "VARCHAR":
          return "STRING";
        case "INT", "INTEGER":
          return "INT";
        case "BIGINT", "DOUBLE", "BOOLEAN", "DATE", "BYTES", "FLOAT":
          return name;
        case "TIMESTAMP":
          return "TIMESTAMP(3)";
        case "DECIMAL": {
          expectSymbol("(");
          int precision = number("a precision");
          expectSymbol(",");
          int scale = number("a scale");
          expectSymbol(")");
          return "DECIMAL(" + precision + ", " + scale + ")";
        }
        case "ARRAY": {
          expectSymbol("<");
          String element = type();
          expectSymbol(">");
          return "ARRAY<" + element + ">";
        }
        case "MAP": {
          expectSymbol("<");
          String key = type();
          expectSymbol(",");
          String value = type();
          expectSymbol(">");
          return "MAP<" + key + ", " + value + ">";
        }
        case "STRUCT": {
          expectSymbol("<");
          List<String> fields = new ArrayList<>();
          do {
            Token field = next();
            fields.add(new Token(Token.Kind.QUOTED, field.text(), 0, 0).flink() + " " + type());
          } while (acceptSymbol(","));
          expectSymbol(">");
          return "ROW<" + String.join(", ", fields) + ">";
        }
        default:
          throw KsqlException.expected(type, "a type (STRING, INT, BIGINT, DOUBLE, BOOLEAN, "
              + "DECIMAL, TIMESTAMP, DATE, ARRAY<…>, MAP<…>, STRUCT<…>)");
      }
    }

    private Map<String, Token> properties() {
      expectSymbol("(");
      Map<String, Token> properties = new LinkedHashMap<>();
      do {
        Token key = next();
        if (key.kind() != Token.Kind.WORD && key.kind() != Token.Kind.STRING) {
          throw KsqlException.expected(key, "a property name such as kafka_topic");
        }
        String name = key.text().toUpperCase(Locale.ROOT);
        if (!WITH_PROPERTIES.contains(name)) {
          throw new KsqlException(key.line(), key.column(), "unknown property " + key.describe()
              + ": expected kafka_topic, value_format, key_format, timestamp, partitions or "
              + "replicas");
        }
        expectSymbol("=");
        Token value = next();
        if (value.kind() != Token.Kind.STRING && value.kind() != Token.Kind.NUMBER) {
          throw KsqlException.expected(value, "a quoted value or a number");
        }
        properties.put(name, value);
      } while (acceptSymbol(","));
      expectSymbol(")");
      return properties;
    }

    private KsqlStatement select(Position position) {
      Query query = query(peek());
      return new KsqlStatement.PushQuery(position, query);
    }

    private KsqlStatement insert(Position position) {
      next();
      expect("INTO");
      String target = identifier("the name of a stream");
      Token select = peek();
      if (!select.is("SELECT")) {
        throw KsqlException.expected(select, "SELECT (INSERT INTO … VALUES is not supported)");
      }
      return new KsqlStatement.InsertInto(position, target, query(select));
    }

    /** From SELECT to the end of the statement. */
    private Query query(Token selectToken) {
      expect("SELECT");
      int selectStart = at;
      int from = findTopLevel(at, Set.of("FROM"));
      if (from < 0) {
        throw KsqlException.expected(tokens.get(tokens.size() - 1), "FROM");
      }
      String selectList = rewrite(selectStart, from);
      at = from + 1;
      // FROM: one source, or joins.
      List<String> sources = new ArrayList<>();
      int fromEnd = findTopLevel(at, AFTER_FROM);
      if (fromEnd < 0) {
        fromEnd = tokens.size() - 1;
      }
      SourceRef first = sourceRef(fromEnd);
      sources.add(first.name());
      StringBuilder fromClause = new StringBuilder();
      fromClause.append(first.flink());
      boolean joined = false;
      while (at < fromEnd) {
        Token joinToken = peek();
        if (!JOINS.contains(joinToken.text().toUpperCase(Locale.ROOT))
            || joinToken.kind() != Token.Kind.WORD) {
          throw KsqlException.expected(joinToken, "JOIN, WHERE, WINDOW, GROUP BY, EMIT CHANGES"
              + " or the end of the statement");
        }
        StringBuilder join = new StringBuilder();
        while (!peek().is("JOIN")) {
          join.append(next().text().toUpperCase(Locale.ROOT)).append(' ');
        }
        next();
        join.append("JOIN ");
        SourceRef right = sourceRef(fromEnd);
        sources.add(right.name());
        joined = true;
        String within = null;
        if (accept("WITHIN")) {
          Token amount = next();
          if (amount.isSymbol("(")) {
            throw new KsqlException(amount.line(), amount.column(),
                "WITHIN (before, after) is not supported: WITHIN n UNIT");
          }
          if (amount.kind() != Token.Kind.NUMBER) {
            throw KsqlException.expected(amount, "a number (WITHIN 1 HOUR)");
          }
          Token unit = next();
          within = interval(Long.parseLong(amount.text()), unit.text(), unit);
        }
        expect("ON");
        int onEnd = findTopLevel(at, JOINS, fromEnd);
        if (onEnd < 0) {
          onEnd = fromEnd;
        }
        String condition = rewrite(at, onEnd);
        at = onEnd;
        join.append(right.flink()).append(" ON ");
        if (within != null) {
          join.append('(').append(condition).append(") AND ").append(right.alias())
              .append(".ROWTIME BETWEEN ").append(first.alias()).append(".ROWTIME - ")
              .append(within).append(" AND ").append(first.alias()).append(".ROWTIME + ")
              .append(within);
        } else {
          join.append(condition);
        }
        fromClause.append(' ').append(join);
      }
      at = fromEnd;
      String window = null;
      String where = null;
      List<String> groupBy = new ArrayList<>();
      String having = null;
      Integer limit = null;
      boolean emitChanges = false;
      while (!peek().kind().equals(Token.Kind.END)) {
        Token clause = peek();
        if (clause.is("WINDOW")) {
          if (window != null) {
            throw KsqlException.expected(clause, "one WINDOW clause only");
          }
          if (joined) {
            throw new KsqlException(clause.line(), clause.column(),
                "a WINDOW over a join is not supported: aggregate a stream of the join instead");
          }
          next();
          window = window(first);
        } else if (clause.is("WHERE")) {
          next();
          int end = findTopLevel(at, AFTER_FROM);
          where = rewrite(at, end < 0 ? tokens.size() - 1 : end);
          at = end < 0 ? tokens.size() - 1 : end;
        } else if (clause.is("GROUP")) {
          next();
          expect("BY");
          int end = findTopLevel(at, AFTER_FROM);
          end = end < 0 ? tokens.size() - 1 : end;
          int start = at;
          int depth = 0;
          for (int i = start; i <= end; i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
              depth++;
            } else if (t.isSymbol(")")) {
              depth--;
            }
            if (i == end || (depth == 0 && t.isSymbol(","))) {
              if (i == start) {
                throw KsqlException.expected(t, "an expression to group by");
              }
              groupBy.add(rewrite(start, i));
              start = i + 1;
            }
          }
          at = end;
        } else if (clause.is("HAVING")) {
          next();
          int end = findTopLevel(at, AFTER_FROM);
          end = end < 0 ? tokens.size() - 1 : end;
          having = rewrite(at, end);
          at = end;
        } else if (clause.is("EMIT")) {
          next();
          Token what = next();
          if (what.is("FINAL")) {
            throw new KsqlException(what.line(), what.column(), "EMIT FINAL is not supported:"
                + " write EMIT CHANGES (Flink emits a window's row once, when it closes)");
          }
          if (!what.is("CHANGES")) {
            throw KsqlException.expected(what, "CHANGES");
          }
          emitChanges = true;
        } else if (clause.is("LIMIT")) {
          next();
          limit = number("the number of rows");
        } else if (clause.is("PARTITION")) {
          throw new KsqlException(clause.line(), clause.column(),
              "PARTITION BY is not supported: the output of a query is keyed by its GROUP BY");
        } else {
          throw KsqlException.expected(clause,
              "WHERE, WINDOW, GROUP BY, HAVING, EMIT CHANGES, LIMIT or the end of the statement");
        }
      }
      if (window != null && groupBy.isEmpty()) {
        throw new KsqlException(selectToken.line(), selectToken.column(),
            "a WINDOW needs a GROUP BY: windows aggregate");
      }
      StringBuilder sql = new StringBuilder("SELECT ").append(selectList).append(" FROM ")
          .append(window != null ? window : fromClause);
      if (where != null) {
        sql.append(" WHERE ").append(where);
      }
      if (!groupBy.isEmpty()) {
        List<String> keys = new ArrayList<>(groupBy);
        if (window != null) {
          keys.add("window_start");
          keys.add("window_end");
        }
        sql.append(" GROUP BY ").append(String.join(", ", keys));
      }
      if (having != null) {
        sql.append(" HAVING ").append(having);
      }
      if (!emitChanges && limit != null) {
        // Fine: a bounded answer of a plain Flink query.
      }
      return new Query(sql.toString(), List.copyOf(sources), window != null, List.copyOf(groupBy),
          limit);
    }

    /** {@code TUMBLING (SIZE …)}, {@code HOPPING (SIZE …, ADVANCE BY …)}, {@code SESSION (…)}. */
    private String window(SourceRef source) {
      Token kind = next();
      expectSymbol("(");
      String table = "TABLE " + quoted(sourceTable.apply(source.name()));
      String descriptor = "DESCRIPTOR(ROWTIME)";
      String call;
      if (kind.is("TUMBLING")) {
        expect("SIZE");
        String size = duration();
        noGrace();
        call = "TUMBLE(" + table + ", " + descriptor + ", " + size + ")";
      } else if (kind.is("HOPPING")) {
        expect("SIZE");
        String size = duration();
        expectSymbol(",");
        expect("ADVANCE");
        expect("BY");
        String advance = duration();
        noGrace();
        call = "HOP(" + table + ", " + descriptor + ", " + advance + ", " + size + ")";
      } else if (kind.is("SESSION")) {
        String gap = duration();
        noGrace();
        call = "SESSION(" + table + ", " + descriptor + ", " + gap + ")";
      } else {
        throw KsqlException.expected(kind, "TUMBLING, HOPPING or SESSION");
      }
      expectSymbol(")");
      return "TABLE(" + call + ") AS " + source.alias();
    }

    private void noGrace() {
      Token token = peek();
      if (token.isSymbol(",") && peek(1).is("GRACE")) {
        throw new KsqlException(peek(1).line(), peek(1).column(), "GRACE PERIOD is not "
            + "supported: how late an event may come is the source's watermark delay");
      }
      if (token.isSymbol(",") && peek(1).is("RETENTION")) {
        throw new KsqlException(peek(1).line(), peek(1).column(),
            "RETENTION is not supported: Flink drops a window's state once it has emitted it");
      }
    }

    private String duration() {
      Token amount = next();
      if (amount.kind() != Token.Kind.NUMBER) {
        throw KsqlException.expected(amount, "a duration such as 30 SECONDS");
      }
      Token unit = next();
      if (unit.kind() != Token.Kind.WORD) {
        throw KsqlException.expected(unit, "a time unit (SECONDS, MINUTES, HOURS, DAYS)");
      }
      return interval(Long.parseLong(amount.text()), unit.text(), unit);
    }

    private record SourceRef(String name, String alias, String flink) {
    }

    private SourceRef sourceRef(int end) {
      Token name = next();
      if (name.kind() != Token.Kind.WORD && name.kind() != Token.Kind.QUOTED) {
        throw KsqlException.expected(name, "the name of a stream or table");
      }
      if (name.isSymbol("(") || name.is("TABLE")) {
        throw new KsqlException(name.line(), name.column(),
            "a sub-query or table function in FROM is not KSQL: write the query in Flink SQL");
      }
      String alias = name.flink();
      if (at < end && peek().is("AS")) {
        next();
        alias = identifier("an alias");
      } else if (at < end && (peek().kind() == Token.Kind.WORD || peek().kind()
          == Token.Kind.QUOTED) && !JOINS.contains(peek().text().toUpperCase(Locale.ROOT))
          && !peek().is("WITHIN") && !peek().is("ON")) {
        alias = next().flink();
      }
      String table = sourceTable.apply(name.text());
      String flink = quoted(table) + " AS " + alias;
      return new SourceRef(name.text(), alias, flink);
    }

    // --- token helpers ---

    /** Tokens [from, to) in Flink's spelling, KSQL's own syntax rewritten. */
    private String rewrite(int from, int to) {
      StringBuilder out = new StringBuilder();
      Token previous = null;
      for (int i = from; i < to; i++) {
        Token token = tokens.get(i);
        String text;
        if (token.isSymbol("->")) {
          text = ".";
        } else if (token.is("WINDOWSTART") && (previous == null || !previous.is("AS"))) {
          text = "window_start";
        } else if (token.is("WINDOWEND") && (previous == null || !previous.is("AS"))) {
          text = "window_end";
        } else if (token.kind() == Token.Kind.WORD && i + 1 < to
            && tokens.get(i + 1).isSymbol("(")
            && FUNCTIONS.containsKey(token.text().toUpperCase(Locale.ROOT))) {
          text = FUNCTIONS.get(token.text().toUpperCase(Locale.ROOT));
        } else {
          text = token.flink();
        }
        boolean glued = previous != null && (token.isSymbol(".") || token.isSymbol("->")
            || token.isSymbol(",") || token.isSymbol(")") || previous.isSymbol(".")
            || previous.isSymbol("->") || previous.isSymbol("(")
            || (token.isSymbol("(") && previous.kind() == Token.Kind.WORD
            && !isKeyword(previous)));
        if (previous != null && !glued) {
          out.append(' ');
        }
        out.append(text);
        previous = token;
      }
      return out.toString();
    }

    private boolean isKeyword(Token token) {
      return Set.of("AND", "OR", "NOT", "IN", "ON", "AS", "WHEN", "THEN", "ELSE", "CASE",
          "EXISTS").contains(token.text().toUpperCase(Locale.ROOT));
    }

    /** Tokens [from, to) as written, for a statement handed to Flink unchanged. */
    private String source(int from, int to) {
      return rewrite(from, to);
    }

    private String text(int from, int to) {
      StringBuilder out = new StringBuilder();
      for (int i = from; i < to; i++) {
        if (i > from) {
          out.append(' ');
        }
        out.append(tokens.get(i).flink());
      }
      return out.toString();
    }

    /** The first of {@code words} at parenthesis depth 0 from {@code from}, or -1. */
    private int findTopLevel(int from, Set<String> words) {
      return findTopLevel(from, words, tokens.size() - 1);
    }

    private int findTopLevel(int from, Set<String> words, int end) {
      int depth = 0;
      for (int i = from; i < end; i++) {
        Token token = tokens.get(i);
        if (token.isSymbol("(")) {
          depth++;
        } else if (token.isSymbol(")")) {
          depth--;
        } else if (depth == 0 && token.kind() == Token.Kind.WORD
            && words.contains(token.text().toUpperCase(Locale.ROOT))) {
          return i;
        }
      }
      return -1;
    }

    private Token peek() {
      return tokens.get(at);
    }

    private Token peek(int ahead) {
      return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
      Token token = tokens.get(at);
      if (token.kind() != Token.Kind.END) {
        at++;
      }
      return token;
    }

    private boolean accept(String word) {
      if (peek().is(word)) {
        at++;
        return true;
      }
      return false;
    }

    private boolean acceptSymbol(String symbol) {
      if (peek().isSymbol(symbol)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String word) {
      Token token = next();
      if (!token.is(word)) {
        throw KsqlException.expected(token, word);
      }
    }

    private void expectSymbol(String symbol) {
      Token token = next();
      if (!token.isSymbol(symbol)) {
        throw KsqlException.expected(token, "'" + symbol + "'");
      }
    }

    private String identifier(String what) {
      Token token = next();
      if (token.kind() != Token.Kind.WORD && token.kind() != Token.Kind.QUOTED) {
        throw KsqlException.expected(token, what);
      }
      return token.text();
    }

    private String string(String what) {
      Token token = next();
      if (token.kind() != Token.Kind.STRING) {
        throw KsqlException.expected(token, what);
      }
      return token.text();
    }

    private int number(String what) {
      Token token = next();
      if (token.kind() != Token.Kind.NUMBER || token.text().contains(".")) {
        throw KsqlException.expected(token, what);
      }
      return Integer.parseInt(token.text());
    }

    private void end() {
      Token token = peek();
      if (token.kind() != Token.Kind.END) {
        throw KsqlException.expected(token, "';'");
      }
    }
  }
}
