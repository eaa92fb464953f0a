package io.eventshop.launcher.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.TestKafka;
import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.catalogue.ComponentKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaProbeIT {

  @Test
  void isReadyWhenTheClusterDescribesItsBrokers() {
    assertThat(new KafkaProbe().isReady(TestKafka.bootstrapServers(), Optional.empty())).isTrue();
  }

  @Test
  void isNotReadyWhenNoBrokerAnswers() throws Exception {
    String nowhere = ComponentKind.KAFKA.url(KafkaBroker.freePort());

    assertThat(new KafkaProbe(1_000).isReady(nowhere, Optional.empty())).isFalse();
  }
}
