package io.eventshop.gateway.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the gateway's own answers as RFC 9457 problem details ({@code application/problem+json}),
 * the same shape the services use, with the request id so a user's report can be traced.
 */
@Component
public class Problems {

  private static final String TYPE_BASE = "https://eventshop.io/problems/";

  private final JsonMapper json;

  public Problems(JsonMapper json) {
    this.json = json;
  }

  /** Answers {@code status} with a problem body; {@code extra} members are added as they are. */
  public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail,
                          Map<String, Object> extra) {
    ServerHttpResponse response = exchange.getResponse();
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type(type).toString());
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", exchange.getRequest().getPath().value());
    problem.putAll(extra);
    String requestId = RequestIdFilter.requestIdOf(exchange);
    if (requestId != null) {
      problem.put("requestId", requestId);
    }
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
    return response.writeWith(Mono.just(body));
  }

  /**
   * The same problem for a controller to throw: Spring's problem-details handling writes it.
   */
  public ErrorResponseException exception(ServerWebExchange exchange, HttpStatus status,
                                           String type, String detail,
                                           Map<String, Object> extra) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(type));
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    extra.forEach(problem::setProperty);
    String requestId = RequestIdFilter.requestIdOf(exchange);
    if (requestId != null) {
      problem.setProperty("requestId", requestId);
    }
    return new ErrorResponseException(status, problem, null);
  }

  private static URI type(String type) {
    return URI.create(TYPE_BASE + type);
  }
}
