package io.eventshop.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.process.JvmTuning;
import io.eventshop.launcher.process.ServiceJars;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.PlannedInstance;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UpCommandTest {

  @TempDir
  Path home;

  @BeforeEach
  void buildRegistryOrderAndGateway() throws Exception {
    ServiceJars.writeExecutable(home, "schema-registry", "order", "gateway");
  }

  private LaunchSettings parse(Map<String, String> env, String... args) {
    UpCommand up = new UpCommand(env);
    new CommandLine(up).parseArgs(args);
    return up.settings();
  }

  @Test
  void runsAnOwnBrokerOnTheCataloguePortsUnderDataInTheRepository() {
    LaunchSettings settings = parse(Map.of(), "--home", home.toString());

    assertThat(settings.externalBootstrap()).isEmpty();
    assertThat(settings.plan().broker()).hasValueSatisfying(broker -> {
      assertThat(broker.kafka()).isEqualTo(9092);
      assertThat(broker.controller()).isEqualTo(9093);
    });
    assertThat(settings.dataDir()).isEqualTo(home.resolve("data"));
    assertThat(settings.healthTimeout().toSeconds()).isEqualTo(180);
    assertThat(settings.plan().instances()).extracting(PlannedInstance::componentName)
        .containsExactly("kafka", "postgres", "schema-registry", "order", "gateway");
  }

  @Test
  void tunesTheServicesForAQuickStartUnlessAskedForThroughput() {
    assertThat(parse(Map.of(), "--home", home.toString()).tuning())
        .isEqualTo(JvmTuning.QUICK_START);
    assertThat(parse(Map.of(), "--home", home.toString(), "--throughput").tuning())
        .isEqualTo(JvmTuning.THROUGHPUT);
  }

  @Test
  void readsInstancesPortsAndBrokerPorts() {
    LaunchSettings settings = parse(Map.of(), "--home", home.toString(), "--instances", "order=2",
        "--port", "order=9140", "--port", "schema-registry=9081", "--kafka-port", "19092",
        "--controller-port", "19093", "--data-dir", home.resolve("elsewhere").toString());

    assertThat(settings.plan().instances()).extracting(PlannedInstance::componentName,
            PlannedInstance::port)
        .containsExactly(tuple("kafka", 19092),
            tuple("postgres", 15432),
            tuple("schema-registry", 9081),
            tuple("order", 9140),
            tuple("order-2", 9141),
            tuple("gateway", 8080));
    assertThat(settings.plan().broker()).hasValueSatisfying(b -> assertThat(b.controller())
        .isEqualTo(19093));
    assertThat(settings.dataDir()).isEqualTo(home.resolve("elsewhere"));
  }

  @Test
  void startsLessWithOnlyAndWithout() {
    assertThat(parse(Map.of(), "--home", home.toString(), "--only", "order").plan().instances())
        .extracting(PlannedInstance::componentName)
        .containsExactly("kafka", "schema-registry", "order");
    assertThat(parse(Map.of(), "--home", home.toString(), "--only", "shop", "--without",
        "gateway,order").plan().instances())
        .extracting(PlannedInstance::componentName)
        .containsExactly("kafka", "schema-registry");
  }

  @Test
  void startsNoBrokerWhenTheEnvironmentNamesACluster() {
    LaunchSettings settings = parse(Map.of(KafkaConnection.BOOTSTRAP_ENV, "kafka-1:9092"),
        "--home", home.toString());

    assertThat(settings.externalBootstrap()).contains("kafka-1:9092");
    assertThat(settings.plan().broker()).isEmpty();
    assertThat(settings.plan().instances().get(0).url()).isEqualTo("kafka-1:9092");
    assertThat(settings.plan().ports()).extracting(p -> p.component())
        .containsExactly("postgres", "schema-registry", "order", "gateway");
  }

  @Test
  void refusesAMissingKafkaPropertiesFile() {
    assertThatThrownBy(() -> parse(Map.of(), "--home", home.toString(), "--kafka", "k:9092",
        "--kafka-properties", home.resolve("missing.properties").toString()))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("missing.properties");
  }

  @Test
  void usesAnExistingPostgresqlWithItsUserInsteadOfStartingOne() {
    LaunchSettings settings = parse(Map.of(), "--home", home.toString(), "--postgres-url",
        "jdbc:postgresql://crm-db.internal:5432/crm", "--postgres-user", "debezium");

    PlannedInstance database = settings.plan().instances().stream()
        .filter(i -> i.componentName().equals("postgres")).findFirst().orElseThrow();
    assertThat(database.existing()).isTrue();
    assertThat(database.url()).isEqualTo("jdbc:postgresql://crm-db.internal:5432/crm?user=debezium");
    assertThat(settings.plan().ports()).extracting(p -> p.component())
        .doesNotContain("postgres");
  }

  @Test
  void refusesABadPostgresUrlAndAUserWithoutOne() {
    assertThatThrownBy(() -> parse(Map.of(), "--home", home.toString(), "--postgres-url",
        "postgresql://crm-db/crm"))
        .isInstanceOf(LauncherException.class)
        .hasMessageStartingWith("--postgres-url: expected jdbc:postgresql://host[:port]/database");
    assertThatThrownBy(() -> parse(Map.of(), "--home", home.toString(), "--postgres-user", "x"))
        .isInstanceOf(LauncherException.class)
        .hasMessageStartingWith("--postgres-user needs --postgres-url");
  }
}
