package io.eventshop.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.EventshopProperties.Kafka;
import io.eventshop.platform.EventshopProperties.SchemaRegistry;
import io.eventshop.platform.kafka.KafkaClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamsSettingsTest {

  @TempDir
  Path temp;

  @Test
  void streamsRunExactlyOnceWithTheConfiguredCommitIntervalStateDirAndDeadLetters() {
    EventshopProperties properties = properties(null, temp.resolve("state"));

    Properties streams = StreamsSettings.of(new KafkaClients(properties, "product"), properties,
        "10.0.0.7:8110");

    assertThat(streams)
        .containsEntry("application.id", "product")
        .containsEntry("bootstrap.servers", "broker-1:9092")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("commit.interval.ms", 25L)
        .containsEntry("state.dir", temp.resolve("state").toString())
        .containsEntry("application.server", "10.0.0.7:8110")
        .containsEntry("num.stream.threads", 1)
        .containsEntry("producer.retry.backoff.ms", KafkaClients.TRANSACTIONAL_RETRY_BACKOFF_MS)
        .containsEntry("deserialization.exception.handler",
            DeadLetterDeserializationHandler.class.getName());
  }

  @Test
  void theClientPropertiesFileReachesStreamsAndWinsOverDefaults() throws Exception {
    Path file = temp.resolve("client.properties");
    Files.writeString(file, "security.protocol=SASL_SSL\nretry.backoff.ms=250\n");
    EventshopProperties properties = properties(file, null);

    Properties streams = StreamsSettings.of(new KafkaClients(properties, "stock"), properties, null);

    assertThat(streams)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("producer.retry.backoff.ms", "250")
        .doesNotContainKey("application.server");
  }

  @Test
  void theDefaultStateDirectoryIsPerInstance() {
    assertThat(StreamsSettings.stateDir(properties(null, null)))
        .endsWithRaw(Path.of("eventshop-streams", "instance-2"));
  }

  private static EventshopProperties properties(Path clientProperties, Path stateDir) {
    return new EventshopProperties(
        new Kafka("broker-1:9092", clientProperties, stateDir, Duration.ofMillis(25), 1,
            "127.0.0.1"),
        new SchemaRegistry("http://registry:8081", true, false), 2);
  }
}
