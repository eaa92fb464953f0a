package io.eventshop.launcher.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.launcher.Main;
import io.eventshop.launcher.TestKafka;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.probe.KafkaProbe;
import io.eventshop.launcher.process.JvmTuning;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up --kafka}: no broker of its own, the catalogue provisioned on the given cluster. */
class LaunchAgainstAnExistingClusterIT {

  @TempDir
  Path home;

  @Test
  void provisionsTheCatalogueAndStartsNoBroker() throws Exception {
    Path dataDir = home.resolve("data");
    String bootstrap = TestKafka.bootstrapServers();
    ComponentCatalogue catalogue = ComponentCatalogue.EVENTSHOP;
    LaunchPlan plan = LaunchPlan.of(catalogue, List.of(catalogue.byName("kafka").orElseThrow()),
        new LaunchPlan.ExistingCluster(bootstrap), Map.of(), Map.of());
    LaunchSettings settings = new LaunchSettings(home, dataDir, Optional.of(bootstrap),
        Optional.empty(), plan, Duration.ofSeconds(30), "256m", JvmTuning.QUICK_START);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Console out = new Console(new PrintStream(console, true, StandardCharsets.UTF_8));
    Supervisor supervisor = new Supervisor(Duration.ofSeconds(5), out);

    try (LogEcho echo = new LogEcho(out)) {
      RunFile.Run run = new Launch(settings, out, supervisor, echo).start();

      assertThat(run.components()).singleElement().satisfies(kafka -> {
        assertThat(kafka.kind()).isEqualTo(ComponentKind.KAFKA);
        assertThat(kafka.url()).isEqualTo(bootstrap);
        assertThat(kafka.pid()).isNull();
        assertThat(kafka.readiness()).isInstanceOf(KafkaProbe.class);
      });
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("using the existing Kafka cluster at " + bootstrap + " (no broker started)")
          .containsPattern("topics: created \\d+, updated \\d+, unchanged \\d+");
      assertThat(Files.exists(dataDir.resolve("kafka"))).isFalse();
      try (Admin admin = new KafkaConnection(bootstrap, Optional.empty()).admin(10_000)) {
        assertThat(admin.listTopics().names().get())
            .containsAll(Topics.all().stream().map(TopicSpec::name).toList());
      }
      assertThat(status(dataDir)).isEqualTo(0);
    } finally {
      supervisor.stopAll();
      new RunFile(dataDir).delete();
    }
    assertThat(status(dataDir)).isEqualTo(3);
  }

  private int status(Path dataDir) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return Main.run("status", "--home", home.toString(), "--data-dir", dataDir.toString());
    } finally {
      System.setOut(original);
    }
  }
}
