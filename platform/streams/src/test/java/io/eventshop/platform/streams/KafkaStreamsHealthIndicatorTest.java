package io.eventshop.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.EventshopProperties.Kafka;
import io.eventshop.platform.EventshopProperties.SchemaRegistry;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.web.Unavailable;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.mock.env.MockEnvironment;

class KafkaStreamsHealthIndicatorTest {

  private final EventshopProperties properties = new EventshopProperties(
      new Kafka("127.0.0.1:9", null, null, Duration.ofMillis(10), 1, "127.0.0.1"),
      new SchemaRegistry("http://127.0.0.1:9", true, false), 1);
  private final StreamsApp app = new StreamsApp(new StreamsBuilder().build(),
      new KafkaClients(properties, "health-test"), properties, new MockEnvironment(), null);

  @Test
  void aStreamsAppThatHasNotStartedIsDownWithItsState() {
    Health health = new KafkaStreamsHealthIndicator(app).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", "CREATED");
  }

  @Test
  void storesOfAStreamsAppThatDoesNotRunAreUnavailable() {
    assertThatThrownBy(() -> new InteractiveQueries(app).keyValueStore("any"))
        .isInstanceOf(Unavailable.class).hasMessageContaining("CREATED");
  }
}
