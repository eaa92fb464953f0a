package io.eventshop.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.EventshopProperties.Kafka;
import io.eventshop.platform.EventshopProperties.SchemaRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientsTest {

  @TempDir
  Path temp;

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
        clients.admin()}) {
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
    assertThat(defaults.producer("orders")).doesNotContainKey("retry.backoff.ms");

    Path file = temp.resolve("client.properties");
    Files.writeString(file, "retry.backoff.ms=250\n");
    KafkaClients configured = new KafkaClients(properties(file, null), "stock");
    assertThat(configured.transactionalProducer("w", "stock-writer"))
        .containsEntry("retry.backoff.ms", "250");
  }

  @Test
  void anUnreadableClientPropertiesFileIsReportedByItsKey() {
    Path missing = temp.resolve("missing.properties");

    assertThatThrownBy(() -> new KafkaClients(properties(missing, null), "product"))
        .hasMessageContaining("eventshop.kafka.client-properties-file")
        .hasMessageContaining("missing.properties");
  }

  @Test
  void withoutAnApplicationNameThereIsNoStreamsApplicationId() {
    assertThatThrownBy(() -> new KafkaClients(properties(null, null), " "))
        .hasMessageContaining("spring.application.name");
  }

  static EventshopProperties properties(Path clientProperties, Path stateDir) {
    return new EventshopProperties(
        new Kafka("broker-1:9092,broker-2:9092", clientProperties, stateDir,
            Duration.ofMillis(25), 1, "127.0.0.1"),
        new SchemaRegistry("http://registry:8081", true, false), 2);
  }
}
