package io.eventshop.gateway.web;

import io.eventshop.gateway.routing.Routes;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a failed hop to a service into a problem the client can act on: 503 naming the service
 * when it cannot be reached (connection refused, connect timeout, no instance), 502 for anything
 * else that broke on the way. Never a stack trace; the cause goes to the gateway's log.
 */
@Component
public class ServiceUnavailableFilter implements GlobalFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFilter.class);

  private final Problems problems;

  public ServiceUnavailableFilter(Problems problems) {
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain.filter(exchange).onErrorResume(
        error -> !exchange.getResponse().isCommitted(),
        error -> answer(exchange, error));
  }

  private Mono<Void> answer(ServerWebExchange exchange, Throwable error) {
    String service = serviceOf(exchange);
    String requestId = RequestIdFilter.requestIdOf(exchange);
    if (isUnreachable(error)) {
      log.warn("{} service unreachable for {} (request {}): {}", service,
          exchange.getRequest().getPath(), requestId, error.toString());
      return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
          "The " + service + " service is not available right now; try again shortly",
          Map.of("service", service));
    }
    log.error("{} service failed for {} (request {})", service, exchange.getRequest().getPath(),
        requestId, error);
    return problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway",
        "The " + service + " service did not answer properly", Map.of("service", service));
  }

  private static boolean isUnreachable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof TimeoutException
          || cause instanceof NotFoundException) {
        return true;
      }
    }
    return false;
  }

  private static String serviceOf(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    Object service = route == null ? null : route.getMetadata().get(Routes.SERVICE);
    return service == null ? "unknown" : service.toString();
  }
}
