package io.eventshop.gateway.web;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code ratePerSecond};
 * a request takes one token or is refused with the time until the next token. Time is passed in
 * (nanoseconds) so the arithmetic is tested without a clock.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double capacity;
  private final double tokensPerNano;
  private double tokens;
  private long updatedAt;

  TokenBucket(int capacity, double ratePerSecond, long now) {
    this.capacity = capacity;
    this.tokensPerNano = ratePerSecond / NANOS_PER_SECOND;
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes a token: 0 when granted, otherwise the nanoseconds to wait until one is there. */
  synchronized long take(long now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / tokensPerNano);
  }

  /** Whether the bucket is full again, so forgetting it changes nothing for its client. */
  synchronized boolean isFull(long now) {
    refill(now);
    return tokens >= capacity;
  }

  private void refill(long now) {
    tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
    updatedAt = now;
  }
}
