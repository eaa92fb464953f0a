package io.eventshop.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

  @Test
  void prefersTheOptionToTheEnvironment() {
    assertThat(KafkaConnection.externalBootstrap("a:1,b:2",
        Map.of(KafkaConnection.BOOTSTRAP_ENV, "c:3"))).contains("a:1,b:2");
  }

  @Test
  void usesTheEnvironmentWithoutAnOption() {
    assertThat(KafkaConnection.externalBootstrap(null,
        Map.of(KafkaConnection.BOOTSTRAP_ENV, " c:3 "))).contains("c:3");
  }

  @Test
  void runsAnOwnBrokerWhenNeitherIsGiven() {
    assertThat(KafkaConnection.externalBootstrap(null, Map.of())).isEmpty();
    assertThat(KafkaConnection.externalBootstrap(" ", Map.of(KafkaConnection.BOOTSTRAP_ENV, "")))
        .isEmpty();
  }
}
