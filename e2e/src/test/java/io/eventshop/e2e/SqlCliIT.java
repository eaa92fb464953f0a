package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./eventshop sql} at its prompt, in a real terminal (tmux), against the running shop's
 * sql service: a statement of two lines runs, a push query streams a customer registered while
 * it runs, Ctrl-C stops the query and not the CLI, Tab completes a stream's name, {@code exit;}
 * quits with status 0.
 */
class SqlCliIT {

  private static final Path HOME =
      Path.of(System.getProperty("eventshop.home", "..")).toAbsolutePath().normalize();
  /** Planning and submitting a Flink job takes seconds; a busy machine multiplies that. */
  private static final Duration ANSWER = Duration.ofSeconds(90);

  private static RunningShop shop;
  private static ShopApi api;

  @BeforeAll
  static void start() {
    shop = RunningShop.get();
    api = ShopApi.viaGateway(shop);
  }

  @Test
  void aPushQueryStreamsLiveUntilCtrlCAndThePromptComesBack() throws Exception {
    String stream = "cli_customers_" + UUID.randomUUID().toString().substring(0, 6);
    try (TmuxTerminal terminal = TmuxTerminal.start("cd " + HOME + " && EVENTSHOP_NO_BUILD=1"
        + " ./eventshop sql --data-dir " + shop.dataDir())) {
      await().atMost(ANSWER).until(() -> terminal.screen().contains("sql> "));

      terminal.type("CREATE STREAM " + stream);
      await().atMost(ANSWER).until(() -> terminal.screen().contains("...> "));
      terminal.type("  WITH (kafka_topic='customers', value_format='AVRO');");
      await().atMost(ANSWER).until(() -> terminal.screen()
          .contains("stream " + stream + " created over topic"));

      terminal.type("SELECT id, name, address->country AS country FROM " + stream
          + " EMIT CHANGES;");
      await().atMost(ANSWER).until(() -> terminal.screen().contains("id | name | country"));
      // Customers registered while the query runs, which reads from the latest offset: live
      // rows. One every few seconds until one shows: the job may take a moment to start reading.
      List<String> registered = new ArrayList<>();
      await().atMost(ANSWER).pollInterval(Duration.ofSeconds(3)).until(() -> {
        String screen = terminal.screen();
        if (registered.stream().anyMatch(screen::contains)) {
          return true;
        }
        registered.add(api.createCustomer("Cli " + UUID.randomUUID().toString().substring(0, 8),
            "100.00"));
        return false;
      });
      assertThat(terminal.screen()).as("still streaming").doesNotContain(" rows)", " row)");

      terminal.press("C-c");
      await().atMost(ANSWER).until(() -> terminal.screen().contains("(cancelled after "));
      terminal.type("SHOW STREAMS;");
      await().atMost(ANSWER).until(() -> terminal.screen().lines()
          .anyMatch(line -> line.startsWith(stream + " ")));

      // Tab completes the names of the service's streams, asked again after each entry.
      terminal.keys("DESCRIBE " + stream.substring(0, stream.length() - 3));
      terminal.press("Tab");
      terminal.type(";");
      await().atMost(ANSWER).until(() -> terminal.screen()
          .contains(stream + " over topic customers"));

      terminal.type("exit;");
      await().atMost(ANSWER).until(() -> terminal.exitStatus().isPresent());
      assertThat(terminal.exitStatus()).hasValue(0);
    }
  }
}
