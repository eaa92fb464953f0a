package io.eventshop.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.platform.streams.StreamsApp;
import io.eventshop.platform.testshop.TestShop;
import io.eventshop.testing.SharedKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A clean stop of a Streams service leaves its group, so a restart gets its tasks at once. */
class CleanStopIT {

  @Test
  void aCleanStopLeavesTheConsumerGroupAtOnce() throws Exception {
    String app = "clean-stop-" + UUID.randomUUID();
    String bootstrap = SharedKafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(app, 2, (short) 1),
          new NewTopic(app + "-global", 1, (short) 1))).all().get();
      ConfigurableApplicationContext shop = SpringApplication.run(TestShop.class,
          "--server.port=0", "--spring.application.name=" + app,
          "--eventshop.kafka.bootstrap-servers=" + bootstrap,
          "--eventshop.kafka.state-dir=" + Files.createTempDirectory("clean-stop-state"),
          "--testshop.topic=" + app, "--testshop.global-topic=" + app + "-global");
      StreamsApp streams = shop.getBean(StreamsApp.class);
      await().atMost(Duration.ofSeconds(120))
          .until(() -> streams.state() == KafkaStreams.State.RUNNING);
      assertThat(members(admin, app)).isPositive();

      shop.close();

      // Without leaving, the members stay until the session timeout (45 s) ends them.
      await().atMost(Duration.ofSeconds(10)).until(() -> members(admin, app) == 0);
    }
  }

  private static int members(Admin admin, String group) throws Exception {
    return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
  }
}
