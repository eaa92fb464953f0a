package io.eventshop.launcher.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.launcher.run.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedSet;

/**
 * The sql service's REST API as the CLI uses it: {@code /ksql} for statements, {@code
 * /query-stream} for push queries and PRINT. Straight to the service or through the gateway
 * (both answer under {@code /api/sql/…}).
 */
public final class SqlServiceClient {

  /** A statement may create a topic and submit a job: slow on a busy machine, never endless. */
  private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(120);
  /** The names for completion are asked between two prompts: the user is waiting. */
  private static final Duration NAMES_TIMEOUT = Duration.ofSeconds(5);

  private final String service;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  public SqlServiceClient(String service) {
    this.service = service.endsWith("/") ? service.substring(0, service.length() - 1) : service;
    this.base = this.service.endsWith("/api/sql") ? this.service : this.service + "/api/sql";
  }

  /** Where the service is, as the user named it (for messages). */
  public String service() {
    return service;
  }

  /** Runs statements through {@code /ksql}; the body is the answers, or a problem. */
  public HttpResponse<String> ksql(String statements, Map<String, String> properties)
      throws IOException, InterruptedException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("ksql", statements);
    body.set("streamsProperties", Json.MAPPER.valueToTree(properties));
    return http.send(post("/ksql", body, STATEMENT_TIMEOUT), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Starts a push query (or PRINT): its lines are a header, then one JSON array per row, until
   * the service ends the stream or the caller cancels it. Answers as soon as the request is
   * sent; the lines (or the failure to connect) come through the stream.
   */
  PushStream queryStream(String statement, Map<String, String> properties) throws IOException {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("sql", statement);
    body.set("properties", Json.MAPPER.valueToTree(properties));
    PushStream stream = new PushStream();
    // No request timeout: a push query streams until it is cancelled or its LIMIT is reached.
    http.sendAsync(post("/query-stream", body, null), stream).whenComplete((response, error) -> {
      if (error != null) {
        stream.failed(error);
      }
    });
    return stream;
  }

  /** The names of the service's streams and tables; none when it does not answer. */
  public SortedSet<String> sourceNames() {
    SortedSet<String> names = new TreeSet<>();
    try {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("ksql", "SHOW STREAMS; SHOW TABLES;");
      body.set("streamsProperties", Json.MAPPER.createObjectNode());
      HttpResponse<String> response = http.send(post("/ksql", body, NAMES_TIMEOUT),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        for (JsonNode answer : Json.MAPPER.readTree(response.body())) {
          answer.path(answer.path("@type").asText()).forEach(source ->
              names.add(source.path("name").asText()));
        }
      }
    } catch (IOException e) {
      // no completion of names this time; the statements themselves will say what is wrong
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    names.remove("");
    return names;
  }

  private HttpRequest post(String path, JsonNode body, Duration timeout) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
    if (timeout != null) {
      request.timeout(timeout);
    }
    return request.build();
  }
}
