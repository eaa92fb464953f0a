package io.eventshop.analytics;

import static io.eventshop.analytics.AnalyticsTraffic.get;
import static io.eventshop.analytics.AnalyticsTraffic.healthy;
import static io.eventshop.analytics.AnalyticsTraffic.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.SensorReading;
import io.eventshop.platform.streams.StreamsApp;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.StreamsStartLog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A clean stop (Ctrl-C or SIGTERM: Spring closes the context, and with it Kafka Streams) leaves
 * state that the next start on the same state directory uses as it is: no task is found corrupted,
 * no persistent store is rebuilt from its changelog, and what was answered before is answered
 * again. Clicks of one visitor and a reading of one sensor only, so that most tasks, and some
 * window and join stores of the busy tasks, have seen no record at all.
 */
class AnalyticsRestartIT {

  /** Start-up of the app (and of the shared broker) on a busy 2-core machine. */
  private static final Duration PATIENCE = Duration.ofSeconds(180);

  @BeforeAll
  static void createTopics() {
    SharedKafka.createTopics(Topics.all());
  }

  @Test
  void aCleanStopLeavesStateTheNextStartUsesWithoutRestoringIt() throws Exception {
    String application = "analytics-restart-it-" + UUID.randomUUID();
    Path stateDir = InProcessService.freshStateDir("analytics-restart-it");
    String visitor = "visitor-" + UUID.randomUUID();
    String zone = "zone-" + UUID.randomUUID();
    String sessions = "/api/analytics/visitors/" + visitor + "/sessions";
    String readings = "/api/analytics/zones/" + zone + "/readings?kind=temperature";

    String sessionsBefore;
    String readingsBefore;
    try (ConfigurableApplicationContext first = start(application, stateDir,
        new StreamsStartLog())) {
      Instant now = Instant.now();
      send(Topics.CLICKSTREAM.name(), visitor, new ClickEvent(visitor, ClickAction.PRODUCT_VIEW,
          "mug", now, null, null, null, null));
      send(Topics.SENSOR_READINGS.name(), "sensor-1", new SensorReading("sensor-1",
          "temperature", 20.5, "°C", now, zone));
      await().atMost(PATIENCE).until(() -> get(first, sessions).contains("\"events\":1")
          && get(first, readings).contains("\"readings\":1"));
      sessionsBefore = get(first, sessions);
      readingsBefore = get(first, readings);
    }

    StreamsStartLog secondRun = new StreamsStartLog();
    try (ConfigurableApplicationContext second = start(application, stateDir, secondRun)) {
      await().atMost(PATIENCE).until(() ->
          second.getBean(StreamsApp.class).state() == State.RUNNING
              && get(second, sessions).equals(sessionsBefore)
              && get(second, readings).equals(readingsBefore));

      assertThat(secondRun.errorLines()).isEmpty();
      assertThat(secondRun.lines()).noneMatch(line -> line.toLowerCase().contains("corrupt"));
      assertThat(secondRun.recordsRestoredIntoPersistentStores())
          .as("records restored at the second start: %s", secondRun.restoreLines())
          .isZero();
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** Starts the service; {@code log} sees every line from its logging set-up on. */
  private static ConfigurableApplicationContext start(String application, Path stateDir,
                                                      StreamsStartLog log) {
    ConfigurableApplicationContext started = InProcessService.startAs(
        new SpringApplicationBuilder(AnalyticsApplication.class)
            .initializers(context -> log.attach()),
        application, stateDir, StreamsStartLog.LEVELS);
    await().atMost(PATIENCE).until(() -> healthy(started));
    return started;
  }
}
