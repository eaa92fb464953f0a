package io.eventshop.connect.connectors;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies connector files to a worker through Connect's REST API, the way an operator would: first
 * {@code PUT /connector-plugins/{class}/config/validate}, so that a bad value is refused with the
 * connector's and the field's name before anything runs, then
 * {@code PUT /connectors/{name}/config}, which creates the connector or updates it in place. Both
 * are idempotent: applying the same files at every start changes nothing that is already so.
 *
 * <p>A worker that has just started answers 409 or 503 while it joins its group; such answers are
 * retried until {@code patience} runs out.
 */
public final class ConnectorRegistrar {

  private static final Logger log = LoggerFactory.getLogger(ConnectorRegistrar.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  // validation of a database connector opens a connection to the database
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final String restUrl;
  private final Duration patience;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  public ConnectorRegistrar(String restUrl, Duration patience) {
    this.restUrl = restUrl;
    this.patience = patience;
  }

  /**
   * Validates then applies {@code connector}.
   *
   * @throws InvalidConnectorException when the worker finds a field invalid, or does not know the
   *                                   connector class
   * @throws IOException               when the worker does not answer within the patience
   */
  public void apply(ConnectorFile connector) throws IOException, InterruptedException {
    Map<String, String> config = new LinkedHashMap<>(connector.config());
    config.put("name", connector.name());
    String connectorClass = config.get("connector.class");
    if (connectorClass == null || connectorClass.isBlank()) {
      throw new InvalidConnectorException(connector.name(), "connector.class", "is missing");
    }
    JsonNode validation = send(connector.name(), "PUT",
        "/connector-plugins/" + encode(connectorClass) + "/config/validate", config);
    Map<String, Set<String>> problems = problems(validation);
    if (!problems.isEmpty()) {
      throw new InvalidConnectorException(connector.name(), String.join(", ", problems.keySet()),
          "invalid: " + problems.values().stream().flatMap(Set::stream)
              .collect(Collectors.joining("; ")));
    }
    send(connector.name(), "PUT", "/connectors/" + encode(connector.name()) + "/config", config);
    log.info("Connector {} applied from {}", connector.name(), connector.file());
  }

  /** The errors of every field the validation found wrong, each error once. */
  private static Map<String, Set<String>> problems(JsonNode validation) {
    Map<String, Set<String>> problems = new LinkedHashMap<>();
    if (validation.path("error_count").asInt(0) == 0) {
      return problems;
    }
    for (JsonNode config : validation.path("configs")) {
      JsonNode value = config.path("value");
      for (JsonNode error : value.path("errors")) {
        problems.computeIfAbsent(value.path("name").asText(), field -> new LinkedHashSet<>())
            .add(error.asText());
      }
    }
    return problems;
  }

  private JsonNode send(String connector, String method, String path, Map<String, String> body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
    Instant deadline = Instant.now().plus(patience);
    while (true) {
      String failure;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return JSON.readTree(response.body());
        }
        String message = JSON.readTree(response.body()).path("message").asText(response.body());
        if (status != 409 && status != 503 && !message.contains("Request timed out")) {
          // 400 and 404 here mean the configuration, not the worker: an unknown class, a bad name
          throw new InvalidConnectorException(connector, "connector.class or name",
              "refused with HTTP " + status + ": " + message);
        }
        failure = "HTTP " + status + ": " + message;
      } catch (IOException e) {
        failure = e.toString();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IOException("the worker at " + restUrl + " did not take connector " + connector
            + " within " + patience.toSeconds() + " s; last answer: " + failure);
      }
      Thread.sleep(RETRY_PAUSE.toMillis());
    }
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
