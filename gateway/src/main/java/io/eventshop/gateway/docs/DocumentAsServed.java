package io.eventshop.gateway.docs;

import java.util.Set;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as a reader of the gateway's Swagger UI needs it. A service names
 * the address it was called at as its server (the gateway's hop to it, e.g. {@code
 * 127.0.0.1:8140}), which a browser must not call: the document says where its operations are
 * really called instead. Operations reached through the gateway also get the answers only the
 * gateway gives (429 over the rate limit, 503 when the service cannot be reached), unless the
 * service documents those statuses itself.
 */
final class DocumentAsServed implements RewriteFunction<String, String> {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  private final JsonMapper json;
  private final ApiDocuments.ApiDocument document;

  DocumentAsServed(JsonMapper json, ApiDocuments.ApiDocument document) {
    this.json = json;
    this.document = document;
  }

  @Override
  public Publisher<String> apply(ServerWebExchange exchange, String body) {
    if (body == null || exchange.getResponse().getStatusCode() == null
        || !exchange.getResponse().getStatusCode().is2xxSuccessful()) {
      return Mono.justOrEmpty(body);
    }
    JsonNode parsed = json.readTree(body);
    if (!(parsed instanceof ObjectNode doc)) {
      return Mono.just(body);
    }
    boolean throughGateway = document.server().equals("/");
    doc.putArray("servers").addObject()
        .put("url", document.server())
        .put("description", throughGateway
            ? "the gateway: every call goes through it"
            : "the " + document.name() + " itself: its clients call it directly, not through"
                + " the gateway");
    if (throughGateway) {
      doc.path("paths").forEach(path -> path.properties().stream()
          .filter(method -> METHODS.contains(method.getKey()))
          .forEach(method -> addGatewayAnswers(method.getValue())));
    }
    return Mono.just(json.writeValueAsString(doc));
  }

  private static void addGatewayAnswers(JsonNode operation) {
    if (!(operation.path("responses") instanceof ObjectNode responses)) {
      return;
    }
    answer(responses, "429", "Too many requests from this client (the gateway's rate limit):"
        + " Retry-After says in how many seconds to try again");
    answer(responses, "503", "The service cannot be reached through the gateway right now"
        + " (the problem names it); try again shortly");
  }

  private static void answer(ObjectNode responses, String status, String description) {
    if (responses.has(status)) {
      return;
    }
    responses.putObject(status).put("description", description)
        .putObject("content").putObject(MediaType.APPLICATION_PROBLEM_JSON_VALUE)
        .putObject("schema").put("type", "object");
  }
}
