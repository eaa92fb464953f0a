package io.eventshop.order.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PreferWaitTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "wait=5                      | 5",
      "WAIT = 12                   | 12",
      "respond-async, wait=10      | 10",
      "wait=3; foo=bar             | 3",
      "wait=\"7\"                  | 7",
      "return=minimal,wait=1       | 1",
  })
  void readsTheWaitInSeconds(String header, long seconds) {
    assertThat(PreferWait.of(header)).contains(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "respond-async", "wait", "wait=", "wait=soon", "wait=-1",
      "wait=1.5", "wait=0", "wait=9999999", "waiting=5", "return=wait=5"})
  void ignoresAWaitItCannotRead(String header) {
    assertThat(PreferWait.of(header)).isEmpty();
  }

  @Test
  void saysTheAppliedWaitInSeconds() {
    assertThat(PreferWait.applied(Duration.ofSeconds(20))).isEqualTo("wait=20");
  }
}
