package io.eventshop.gateway.web;

import io.eventshop.gateway.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits each client (by IP address) to a token bucket on {@code /api/**}: a burst of
 * {@code burst} requests, then {@code requests-per-second}. Over the limit: 429 with
 * {@code Retry-After} (whole seconds) and a problem body. In memory, per gateway instance.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RateLimitFilter implements WebFilter {

  // Forgetting full buckets keeps the map small; a full bucket is what a new client gets anyway.
  private static final int SWEEP_ABOVE = 10_000;

  private final GatewayProperties.RateLimit limit;
  private final Problems problems;
  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  public RateLimitFilter(GatewayProperties.RateLimit limit, Problems problems,
                         LongSupplier nanoClock) {
    this.limit = limit;
    this.problems = problems;
    this.nanoClock = nanoClock;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    long now = nanoClock.getAsLong();
    long waitNanos = buckets
        .computeIfAbsent(clientOf(exchange), client -> new TokenBucket(limit.burst(),
            limit.requestsPerSecond(), now))
        .take(now);
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    if (waitNanos == 0) {
      return chain.filter(exchange);
    }
    long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos - 1) + 1);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
        Long.toString(retryAfterSeconds));
    return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
        "More than " + limit.burst() + " requests at once or " + limit.requestsPerSecond()
            + " per second from this client; retry after " + retryAfterSeconds + " s",
        Map.of("retryAfterSeconds", retryAfterSeconds));
  }

  private static String clientOf(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown" : remote.getAddress().getHostAddress();
  }
}
