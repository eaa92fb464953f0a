package io.eventshop.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void givesTheBrokerJvmTheOptionsOfItsSettings() {
    KafkaBroker.Settings settings = new KafkaBroker.Settings(Path.of("/data/kafka"), "127.0.0.1",
        9092, 9093, "/jars/kafka.jar", Path.of("/data/logs/kafka.log"), "1g",
        List.of("-XX:TieredStopAtLevel=1"));

    List<String> command = KafkaBroker.javaCommand(settings, Path.of("/data/kafka/log4j2"),
        "kafka.Kafka", "/data/kafka/server.properties");

    assertThat(command).containsSubsequence("-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp",
        "/jars/kafka.jar", "kafka.Kafka", "/data/kafka/server.properties");
  }
}
