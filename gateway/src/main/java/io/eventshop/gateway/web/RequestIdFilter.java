package io.eventshop.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the client's own if it sent a sane one, a new UUID
 * otherwise. The id travels to the service (which logs it) and back to the client, so one id
 * follows a request through every log. It runs first, so even a 429 or 503 carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {

  public static final String HEADER = "X-Request-Id";
  private static final String ATTRIBUTE = RequestIdFilter.class.getName();
  // A client-chosen id ends up in log lines: accept only short ids without control characters.
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String given = exchange.getRequest().getHeaders().getFirst(HEADER);
    String requestId = given != null && SANE.matcher(given).matches()
        ? given : UUID.randomUUID().toString();
    ServerWebExchange withId = exchange.mutate()
        .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
        .build();
    withId.getAttributes().put(ATTRIBUTE, requestId);
    withId.getResponse().getHeaders().set(HEADER, requestId);
    return chain.filter(withId);
  }

  /** The request id given to this exchange, or null before this filter ran. */
  public static String requestIdOf(ServerWebExchange exchange) {
    return exchange.getAttribute(ATTRIBUTE);
  }
}
