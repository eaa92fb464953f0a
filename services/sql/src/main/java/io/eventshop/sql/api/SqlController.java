package io.eventshop.sql.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.platform.web.FieldProblem;
import io.eventshop.platform.web.InvalidInput;
import io.eventshop.sql.engine.RecordPrinter;
import io.eventshop.sql.engine.SqlEngine;
import io.eventshop.sql.engine.StatementFailed;
import io.eventshop.sql.ksql.KsqlException;
import io.eventshop.sql.ksql.KsqlStatement;
import io.eventshop.sql.ksql.KsqlTranslator;
import io.eventshop.sql.ksql.Token;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The REST API, shaped after ksqlDB's so that its users find their way: {@code POST /ksql} runs
 * statements and answers one entity per statement, {@code POST /query-stream} streams a push
 * query's rows (a header line, then one JSON array per row), {@code GET /info}. Also under
 * {@code /api/sql/…}, where the gateway routes. A statement that cannot run is a 400 naming its
 * line and column, never a 5xx.
 */
@RestController
@OpenAPIDefinition(info = @Info(title = "SQL API",
    version = "${spring.application.version:development}",
    description = "Streaming SQL over the shop's topics: KSQL's CREATE STREAM and TABLE, push "
        + "queries (SELECT … EMIT CHANGES) and persistent queries (CREATE … AS SELECT), run on"
        + " Apache Flink SQL. Plain Flink SQL is accepted too."))
@Tag(name = "SQL", description = "Statements, push queries and server information")
@ApiResponse(responseCode = "400", description = "A statement that cannot run: `errors` names"
    + " the field (`ksql`, `sql`) with the statement's line and column",
    content = @Content(mediaType = "application/problem+json",
        schema = @Schema(implementation = ProblemDetail.class)))
public class SqlController {

  private static final Logger log = LoggerFactory.getLogger(SqlController.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType DELIMITED = MediaType.parseMediaType("application/x-ndjson");

  private final SqlEngine engine;
  private final RecordPrinter printer;

  SqlController(SqlEngine engine, RecordPrinter printer) {
    this.engine = engine;
    this.printer = printer;
  }

  /**
   * Statements of a request.
   *
   * @param ksql              one or more statements, each ended by {@code ;}
   * @param streamsProperties session properties, e.g. {@code auto.offset.reset: earliest}
   */
  public record KsqlRequest(String ksql, Map<String, String> streamsProperties) {
  }

  /**
   * A push query.
   *
   * @param sql        one SELECT … EMIT CHANGES or PRINT statement ({@code ksql} also accepted)
   * @param properties session properties, e.g. {@code auto.offset.reset: earliest}
   */
  public record QueryRequest(String sql, String ksql, Map<String, String> properties,
                             Map<String, String> streamsProperties) {
  }

  @PostMapping({"/ksql", "/api/sql/ksql"})
  @Operation(summary = "Run statements",
      description = "Runs the statements in order and answers one entity per statement "
          + "(`@type`: currentStatus, streams, tables, queries, kafka_topics, properties, "
          + "sourceDescription, flinkResult). Stops at the first that fails: 400 naming it.")
  public List<Map<String, Object>> ksql(@RequestBody KsqlRequest request) {
    if (request.ksql() == null || request.ksql().isBlank()) {
      throw new InvalidInput("ksql", "must hold at least one statement");
    }
    Map<String, String> properties = new HashMap<>(request.streamsProperties() == null
        ? Map.of() : request.streamsProperties());
    List<Map<String, Object>> answers = new ArrayList<>();
    // Statements are translated one by one: a SET changes how the next reads its sources.
    List<List<Token>> statements;
    try {
      statements = KsqlTranslator.split(request.ksql());
    } catch (KsqlException e) {
      throw problem("ksql", e.getMessage(), answers);
    }
    for (List<Token> tokens : statements) {
      try {
        KsqlStatement statement = engine.translator(properties).translate(tokens);
        answers.add(engine.execute(statement, properties));
      } catch (KsqlException | StatementFailed e) {
        throw problem("ksql", e.getMessage(), answers);
      }
    }
    return answers;
  }

  @PostMapping(value = {"/query-stream", "/api/sql/query-stream"},
      produces = "application/x-ndjson")
  @Operation(summary = "Stream a push query",
      description = "Runs one `SELECT … EMIT CHANGES [LIMIT n]` (or `PRINT 'topic' [FROM "
          + "BEGINNING] [LIMIT n]`) and streams newline-delimited JSON: a header "
          + "`{queryId, columnNames, columnTypes}`, then one array per row, until the LIMIT is "
          + "reached or the client closes the connection.")
  public ResponseEntity<StreamingResponseBody> queryStream(@RequestBody QueryRequest request) {
    String field = request.sql() != null ? "sql" : "ksql";
    String text = request.sql() != null ? request.sql() : request.ksql();
    if (text == null || text.isBlank()) {
      throw new InvalidInput("sql", "must hold one SELECT … EMIT CHANGES statement");
    }
    Map<String, String> properties = new HashMap<>();
    if (request.streamsProperties() != null) {
      properties.putAll(request.streamsProperties());
    }
    if (request.properties() != null) {
      properties.putAll(request.properties());
    }
    KsqlStatement statement;
    try {
      statement = engine.translator(properties).translateOne(text);
    } catch (KsqlException e) {
      throw new InvalidInput(field, e.getMessage());
    }
    if (statement instanceof KsqlStatement.Print print) {
      return stream(out -> printer.print(print, out));
    }
    if (!(statement instanceof KsqlStatement.PushQuery push)) {
      throw new InvalidInput(field, "line " + statement.position().line() + ":"
          + statement.position().column() + ": expected a SELECT … EMIT CHANGES or PRINT: "
          + "other statements go to /ksql");
    }
    SqlEngine.PushRows rows;
    try {
      rows = engine.push(push);
    } catch (StatementFailed e) {
      throw new InvalidInput(field, e.getMessage());
    }
    return stream(out -> {
      try {
        write(out, Map.of("queryId", rows.queryId(), "columnNames", rows.columnNames(),
            "columnTypes", rows.columnTypes()));
        int sent = 0;
        while ((rows.limit() == null || sent < rows.limit()) && rows.rows().hasNext()) {
          Row row = rows.rows().next();
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < row.getArity(); i++) {
            values.add(json(row.getField(i)));
          }
          write(out, values);
          sent++;
        }
      } catch (IOException e) {
        log.info("push query {} ended: its client went away", rows.queryId());
      } finally {
        engine.ended(rows);
      }
    });
  }

  @GetMapping({"/info", "/api/sql/info"})
  @Operation(summary = "Server information",
      description = "The service's version, where its queries run and what its catalogue holds")
  public Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("version", "eventshop-sql");
    info.put("engine", "Apache Flink " + org.apache.flink.runtime.util.EnvironmentInformation
        .getVersion());
    info.put("streams", engine.sources().stream()
        .filter(s -> s.kind() == KsqlStatement.SourceKind.STREAM).count());
    info.put("tables", engine.sources().stream()
        .filter(s -> s.kind() == KsqlStatement.SourceKind.TABLE).count());
    info.put("persistentQueries", engine.queries().size());
    return Map.of("KsqlServerInfo", info);
  }

  private static ResponseEntity<StreamingResponseBody> stream(StreamingResponseBody body) {
    return ResponseEntity.ok().contentType(DELIMITED).body(body);
  }

  static void write(OutputStream out, Object value) throws IOException {
    out.write(JSON.writeValueAsBytes(value));
    out.write('\n');
    out.flush();
  }

  /** A Flink value as JSON: rows as arrays, times as their ISO text. */
  static Object json(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Double
        || value instanceof Float || value instanceof BigDecimal || value instanceof Short) {
      return value;
    }
    if (value instanceof Row row) {
      List<Object> fields = new ArrayList<>();
      for (int i = 0; i < row.getArity(); i++) {
        fields.add(json(row.getField(i)));
      }
      return fields;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((k, v) -> converted.put(String.valueOf(k), json(v)));
      return converted;
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(json(Array.get(value, i)));
      }
      return items;
    }
    if (value instanceof Temporal) {
      return value.toString();
    }
    return value.toString();
  }

  private static InvalidInput problem(String field, String message,
                                      List<Map<String, Object>> before) {
    String done = before.isEmpty() ? "" : " (" + before.size() + " statement"
        + (before.size() == 1 ? "" : "s") + " before it ran)";
    return new InvalidInput(List.of(new FieldProblem(field, message + done)));
  }
}
