package io.eventshop.gateway.clicks;

import io.eventshop.gateway.GatewayProperties;
import io.eventshop.gateway.web.Problems;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/events/clicks}: the shop page's clicks into {@code clickstream}, a streaming
 * source beside the services. The gateway takes it itself (no service owns visitors' clicks): it
 * checks the batch, names the visitor by cookie and writes the batch to Kafka before it answers.
 */
@RestController
@RequestMapping("/api/events/clicks")
@Tag(name = "Clickstream", description = "What visitors do in the shop, for the analytics")
public class ClickController {

  private final ClickValidation validation;
  private final ClickWriter writer;
  private final Problems problems;
  private final JsonMapper json;

  public ClickController(ClickValidation validation, ClickWriter writer, Problems problems,
                         JsonMapper json) {
    this.validation = validation;
    this.writer = writer;
    this.problems = problems;
    this.json = json;
  }

  /**
   * The body is read as text: {@code navigator.sendBeacon} with a string sends it as
   * {@code text/plain}, and a browser may send a beacon without a preflight only so.
   */
  @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Record clicks",
      description = "A batch of a visitor's actions (`{\"clicks\": [{\"action\": \"PRODUCT_VIEW\","
          + " \"sku\": \"…\", \"occurredAt\": \"…\"}]}`), as JSON or as text (what"
          + " `navigator.sendBeacon` sends). The visitor is the `eventshop_visitor` cookie, set"
          + " on the first batch. The whole batch is written, or nothing of it.")
  @ApiResponse(responseCode = "202", description = "Written to the clickstream")
  @ApiResponse(responseCode = "400", description = "Invalid input: `errors` names each field;"
      + " nothing was written",
      content = @Content(mediaType = "application/problem+json",
          schema = @Schema(implementation = ProblemDetail.class)))
  public Mono<Void> record(@RequestBody(required = false) String body,
                           ServerWebExchange exchange) {
    ClickBatch batch;
    try {
      batch = body == null || body.isBlank() ? null : json.readValue(body, ClickBatch.class);
    } catch (JacksonException e) {
      return Mono.error(problems.exception(exchange, HttpStatus.BAD_REQUEST, "malformed-json",
          "the request body is not a click batch: " + e.getOriginalMessage(),
          Map.of("errors", List.of(new ClickValidation.Problem(fieldOf(e), "cannot be read")))));
    }
    try {
      String visitor = VisitorCookie.visitorOf(exchange);
      return writer.write(visitor, validation.events(visitor, batch));
    } catch (ClickValidation.InvalidBatch invalid) {
      return Mono.error(problems.exception(exchange, HttpStatus.BAD_REQUEST, "invalid-input",
          "invalid input: " + invalid.getMessage(), Map.of("errors", invalid.problems())));
    }
  }

  /** The JSON path of what could not be read, e.g. {@code clicks[0].occurredAt}. */
  private static String fieldOf(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  @Configuration(proxyBeanMethods = false)
  static class Beans {

    @Bean
    ClickValidation clickValidation(GatewayProperties properties) {
      return new ClickValidation(properties.clicks(), Clock.systemUTC());
    }

    @Bean
    ClickWriter clickWriter(KafkaClients clients, ValueSerdes serdes) {
      return new ClickWriter(clients, serdes);
    }
  }
}
