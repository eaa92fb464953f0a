package io.eventshop.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.testing.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A registry in its own Spring context on the shared broker, and a plain HTTP client for it. */
final class RunningRegistry implements AutoCloseable {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ConfigurableApplicationContext context;
  private final String url;

  private RunningRegistry(ConfigurableApplicationContext context) {
    this.context = context;
    this.url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** A storage topic nobody else uses. */
  static String newTopic() {
    return "_schemas-test-" + UUID.randomUUID();
  }

  /** Starts a registry storing in {@code topic}; returns once it has read the topic. */
  static RunningRegistry start(String topic) {
    return new RunningRegistry(new SpringApplicationBuilder(SchemaRegistryApplication.class)
        .run("--server.port=0", "--eventshop.kafka.bootstrap-servers="
            + SharedKafka.bootstrapServers(), "--eventshop.schema-registry.topic=" + topic,
            "--spring.jmx.enabled=false"));
  }

  String url() {
    return url;
  }

  /** A response: status and body. */
  record Answer(int status, String body, String contentType) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  Answer delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).DELETE());
  }

  Answer post(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", V1_JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Answer put(String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", V1_JSON)
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Registers {@code schema} (Avro JSON) under {@code subject}. */
  Answer register(String subject, String schema) {
    return post("/subjects/" + subject + "/versions", schemaBody(schema));
  }

  /** The registration body {@code {"schema": "<schema as a JSON string>"}}. */
  static String schemaBody(String schema) {
    return JSON.createObjectNode().put("schema", schema).toString();
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = HTTP.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }
}
