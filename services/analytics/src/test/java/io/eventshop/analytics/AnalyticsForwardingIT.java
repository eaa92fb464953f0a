package io.eventshop.analytics;

import static io.eventshop.analytics.AnalyticsTraffic.get;
import static io.eventshop.analytics.AnalyticsTraffic.healthy;
import static io.eventshop.analytics.AnalyticsTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.analytics.streams.VisitorSessions;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.platform.streams.StreamsApp;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the analytics service share the work (one application id, the partitions
 * spread between them), and either answers for any key: a question about a key whose state lives
 * on the other instance is forwarded there.
 */
class AnalyticsForwardingIT {

  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final int VISITORS = 12;

  @BeforeAll
  static void createTopics() {
    SharedKafka.createTopics(Topics.all());
  }

  @Test
  void eitherInstanceAnswersForAKeyTheOtherHolds() throws Exception {
    String application = "analytics-forwarding-it-" + UUID.randomUUID();
    try (ConfigurableApplicationContext one = start(application, 1);
         ConfigurableApplicationContext two = start(application, 2)) {
      await("both instances run with the tasks spread").atMost(PATIENCE).until(() ->
          running(one) && running(two) && activeTasks(one) > 0 && activeTasks(two) > 0);
      List<String> visitors = new ArrayList<>();
      for (int i = 0; i < VISITORS; i++) {
        String visitor = "visitor-" + UUID.randomUUID();
        visitors.add(visitor);
        send(Topics.CLICKSTREAM.name(), visitor, new ClickEvent(visitor,
            ClickAction.PRODUCT_VIEW, "mug", Instant.now(), null, null, null, null));
      }

      Set<Integer> owners = new HashSet<>();
      for (String visitor : visitors) {
        String sessions = "/api/analytics/visitors/" + visitor + "/sessions";
        await("the session of " + visitor + " from both").atMost(PATIENCE).until(() ->
            get(one, sessions).contains("\"events\":1") && get(two, sessions).contains(
                "\"events\":1"));
        assertThat(get(two, sessions)).isEqualTo(get(one, sessions));
        owners.add(ownerPort(one, visitor));
      }
      assertThat(owners).as("the visitors' sessions live on both instances")
          .containsExactlyInAnyOrder(port(one), port(two));
    }
  }

  private static ConfigurableApplicationContext start(String application, int instance)
      throws Exception {
    ConfigurableApplicationContext started = InProcessService.startAs(
        new SpringApplicationBuilder(AnalyticsApplication.class), application,
        InProcessService.freshStateDir("analytics-forwarding-it-" + instance),
        "--eventshop.instance-id=" + instance);
    await().atMost(PATIENCE).until(() -> healthy(started));
    return started;
  }

  private static boolean running(ConfigurableApplicationContext service) {
    return service.getBean(StreamsApp.class).state() == State.RUNNING;
  }

  private static long activeTasks(ConfigurableApplicationContext service) {
    return service.getBean(StreamsApp.class).streams().metadataForLocalThreads().stream()
        .mapToLong(thread -> thread.activeTasks().size()).sum();
  }

  private static int ownerPort(ConfigurableApplicationContext service, String visitor) {
    KeyQueryMetadata owner = service.getBean(StreamsApp.class).streams()
        .queryMetadataForKey(VisitorSessions.STORE, visitor, new StringSerializer());
    return owner.activeHost().port();
  }

  private static int port(ConfigurableApplicationContext service) {
    return Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
  }
}
