package io.eventshop.launcher.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.ProblemText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The lake service's API (query and refine), as the launcher's commands use it. */
public final class LakeClient {

  /** Beyond the service's own time limit (30 s by default): the service answers first. */
  private static final Duration TIMEOUT = Duration.ofMinutes(11);
  /** A rebuild reads all of raw: it has no limit of its own. */
  private static final Duration REFINE_TIMEOUT = Duration.ofMinutes(30);

  private final String service;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** @param service the lake service's or the gateway's URL, without a trailing "/" */
  public LakeClient(String service) {
    this.service = service;
  }

  public String service() {
    return service;
  }

  /**
   * The answer to one SELECT.
   *
   * @throws IOException   when no service answers at {@link #service()}
   * @throws LakeRefusal when it answers with anything but 200 (a refused or failed query)
   */
  public LakeAnswer query(String sql) throws IOException, LakeRefusal {
    return LakeAnswer.of(send(HttpRequest.newBuilder(URI.create(service + "/api/lake/query"))
        .timeout(TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(
            Map.of("sql", sql)))).build()));
  }

  /**
   * Rebuilds the refined tables now ({@code POST /api/lake/refine}): each table with its rows or
   * why it was skipped, as the service answers.
   *
   * @throws IOException   when no service answers at {@link #service()}
   * @throws LakeRefusal when it answers with anything but 200 (a refinement failed)
   */
  public JsonNode refine() throws IOException, LakeRefusal {
    return send(HttpRequest.newBuilder(URI.create(service + "/api/lake/refine"))
        .timeout(REFINE_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  private JsonNode send(HttpRequest request) throws IOException, LakeRefusal {
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (answer.statusCode() != 200) {
      throw new LakeRefusal(answer.statusCode(), ProblemText.reason(answer.body()));
    }
    return Json.MAPPER.readTree(answer.body());
  }

  /** The sentence for a service that does not answer. */
  public String unreachable(IOException e) {
    return "the lake service at " + service + " does not answer: " + e.getMessage();
  }
}
