package io.eventshop.contracts.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A {@link SchemaRegistryClient} over the Confluent REST API (java.net.http), caching what never
 * changes: id → schema, and (subject, schema) → id. After the first record of a type, serialising
 * and deserialising make no HTTP call.
 *
 * <p>{@link #latest(String)} is not cached: the latest version of a subject moves.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  // One HTTP client (and selector thread) per JVM, whatever the number of serdes.
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {
  }

  /** A client of the registry at {@code baseUrl}, e.g. {@code http://127.0.0.1:8081}. */
  public CachedSchemaRegistryClient(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
      JsonNode answer = post("/subjects/" + encode(subject) + "/versions", schema);
      int id = answer.path("id").asInt();
      schemasById.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public int lookup(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
      JsonNode answer = post("/subjects/" + encode(subject), schema);
      int id = answer.path("id").asInt();
      schemasById.putIfAbsent(id, schema);
      return id;
    });
  }

  @Override
  public Schema getById(int id) {
    return schemasById.computeIfAbsent(id,
        key -> parse(send(get("/schemas/ids/" + id)).path("schema").asText()));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    JsonNode answer = send(get("/subjects/" + encode(subject) + "/versions/latest"));
    Schema schema = parse(answer.path("schema").asText());
    int id = answer.path("id").asInt();
    schemasById.putIfAbsent(id, schema);
    return new RegisteredSchema(answer.path("subject").asText(subject),
        answer.path("version").asInt(), id, schema);
  }

  private JsonNode post(String path, Schema schema) {
    String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
    return send(request(path).header("Content-Type", CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
        .header("Accept", CONTENT_TYPE + ", application/json");
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry at " + baseUrl + " unreachable: "
          + request.method() + " " + request.uri().getPath() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted while calling the schema registry", e);
    }
    JsonNode body = readJson(response.body());
    if (response.statusCode() / 100 != 2) {
      throw new SchemaRegistryException(response.statusCode(),
          body.path("error_code").asInt(response.statusCode()),
          "schema registry answered " + response.statusCode() + " to " + request.method() + " "
              + request.uri().getPath() + ": " + body.path("message").asText(response.body()));
    }
    return body;
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text.isEmpty() ? "{}" : text);
    } catch (IOException e) {
      return JSON.createObjectNode().put("message", text);
    }
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
