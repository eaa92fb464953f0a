package io.eventshop.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.EventshopProperties.Http;
import io.eventshop.platform.EventshopProperties.Kafka;
import io.eventshop.platform.EventshopProperties.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class KafkaClientsTest {

  @TempDir
  Path temp;

  @Test
  void streamsRunExactlyOnceWithTheConfiguredCommitIntervalStateDirAndDeadLetters() {
    KafkaClients clients = new KafkaClients(properties(null, temp.resolve("state")), "product");

    Properties streams = clients.streams("10.0.0.7:8110");

    assertThat(streams)
        .containsEntry("application.id", "product")
        .containsEntry("bootstrap.servers", "broker-1:9092,broker-2:9092")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("commit.interval.ms", 25L)
        .containsEntry("state.dir", temp.resolve("state").toString())
        .containsEntry("application.server", "10.0.0.7:8110")
        .containsEntry("num.stream.threads", 1)
        .containsEntry("deserialization.exception.handler",
            DeadLetterDeserializationHandler.class.getName());
  }

  @Test
  void producersAreIdempotentAndWaitForAllReplicasAndConsumersReadCommittedOnly() {
    KafkaClients clients = new KafkaClients(properties(null, null), "product");

    assertThat(clients.producer("writes"))
        .containsEntry("acks", "all")
        .containsEntry("enable.idempotence", true)
        .containsEntry("client.id", "product-2-writes");
    assertThat(clients.transactionalProducer("stock", "stock-processor"))
        .containsEntry("transactional.id", "stock-processor");
    assertThat(clients.consumer("product-view"))
        .containsEntry("group.id", "product-view")
        .containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", false);
  }

  @Test
  void theClientPropertiesFileReachesEveryClientAndWinsOverDefaults() throws Exception {
    Path file = temp.resolve("client.properties");
    Files.writeString(file, """
        security.protocol=SASL_SSL
        sasl.mechanism=PLAIN
        acks=1
        """);
    KafkaClients clients = new KafkaClients(properties(file, null), "product");

    for (Map<String, Object> config : new Map[] {clients.producer("p"), clients.consumer("g"),
        clients.admin(), Map.copyOf(clients.streams(null))}) {
      assertThat(config)
          .containsEntry("security.protocol", "SASL_SSL")
          .containsEntry("sasl.mechanism", "PLAIN");
    }
    assertThat(clients.producer("p")).containsEntry("acks", "1");
  }

  @Test
  void transactionalWritersRetryConcurrentTransactionsSoonUnlessTheClientPropertiesSayOtherwise()
      throws Exception {
    KafkaClients defaults = new KafkaClients(properties(null, null), "stock");
    assertThat(defaults.transactionalProducer("w", "stock-writer"))
        .containsEntry("retry.backoff.ms", KafkaClients.TRANSACTIONAL_RETRY_BACKOFF_MS);
    assertThat(defaults.streams(null))
        .containsEntry("producer.retry.backoff.ms", KafkaClients.TRANSACTIONAL_RETRY_BACKOFF_MS);
    assertThat(defaults.producer("orders")).doesNotContainKey("retry.backoff.ms");

    Path file = temp.resolve("client.properties");
    Files.writeString(file, "retry.backoff.ms=250\n");
    KafkaClients configured = new KafkaClients(properties(file, null), "stock");
    assertThat(configured.transactionalProducer("w", "stock-writer"))
        .containsEntry("retry.backoff.ms", "250");
    assertThat(configured.streams(null)).containsEntry("producer.retry.backoff.ms", "250");
  }

  @Test
  void anUnreadableClientPropertiesFileIsReportedByItsKey() {
    Path missing = temp.resolve("missing.properties");

    assertThatThrownBy(() -> new KafkaClients(properties(missing, null), "product"))
        .hasMessageContaining("eventshop.kafka.client-properties-file")
        .hasMessageContaining("missing.properties");
  }

  @Test
  void theDefaultStateDirectoryIsPerInstance() {
    KafkaClients clients = new KafkaClients(properties(null, null), "product");

    assertThat(clients.stateDir()).endsWithRaw(Path.of("eventshop-streams", "instance-2"));
  }

  @Test
  void withoutAnApplicationNameThereIsNoStreamsApplicationId() {
    assertThatThrownBy(() -> new KafkaClients(properties(null, null), " "))
        .hasMessageContaining("spring.application.name");
  }

  private static EventshopProperties properties(Path clientProperties, Path stateDir) {
    return new EventshopProperties(
        new Kafka("broker-1:9092,broker-2:9092", clientProperties, stateDir,
            Duration.ofMillis(25), 1, "127.0.0.1"),
        new SchemaRegistry("http://registry:8081", true, false), 2, new Http(DataSize.ofKilobytes(64)));
  }
}
