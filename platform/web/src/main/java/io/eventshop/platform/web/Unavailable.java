package io.eventshop.platform.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * 503: the answer is not available right now (state restoring, rebalance, too busy); retry
 * shortly, after {@link #retryAfter} when it is known (the {@code Retry-After} header).
 */
public final class Unavailable extends ShopProblem {

  private final Duration retryAfter;

  public Unavailable(String detail) {
    this(detail, null);
  }

  public Unavailable(String detail, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, Map.of());
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
