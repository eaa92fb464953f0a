package io.eventshop.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.platform.web.Unavailable;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryAdmissionTest {

  @Test
  void aQueryFindingEveryTurnTakenIsRefusedAfterTheWaitAndRunsOnceOneIsFree() throws Exception {
    QueryAdmission admission = new QueryAdmission(1, Duration.ofMillis(50));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
      running.countDown();
      await(finish);
      return "first";
    }));
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> admission.admit(() -> "second"))
        .isInstanceOfSatisfying(Unavailable.class, refused -> {
          assertThat(refused.retryAfter()).contains(Duration.ofSeconds(1));
          assertThat(refused.getMessage()).contains("as many queries as it can");
        });

    finish.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(admission.<String>admit(() -> "third")).isEqualTo("third");
  }

  @Test
  void aFailingQueryGivesItsTurnBack() {
    QueryAdmission admission = new QueryAdmission(1, Duration.ofMillis(50));
    assertThatThrownBy(() -> admission.admit(() -> {
      throw new IllegalStateException("index gone");
    })).hasMessage("index gone");

    assertThat(admission.<String>admit(() -> "next")).isEqualTo("next");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
