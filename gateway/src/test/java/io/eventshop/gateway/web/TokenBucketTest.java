package io.eventshop.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void grantsABurstUpToItsCapacityThenSaysHowLongToWait() {
    TokenBucket bucket = new TokenBucket(3, 2, 0);

    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
  }

  @Test
  void refillsAtItsRateButNeverBeyondItsCapacity() {
    TokenBucket bucket = new TokenBucket(2, 1, 0);
    bucket.take(0);
    bucket.take(0);

    assertThat(bucket.take(SECOND)).isZero();
    assertThat(bucket.isFull(100 * SECOND)).isTrue();
    assertThat(bucket.take(100 * SECOND)).isZero();
    assertThat(bucket.take(100 * SECOND)).isZero();
    assertThat(bucket.take(100 * SECOND)).isPositive();
  }
}
