package io.eventshop.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSettingsTest {

  @TempDir
  Path dir;

  @Test
  void runsInDistributedModeOnTheCataloguesTopicsWithOurConverterByDefault() {
    WorkerSettings settings = WorkerSettings.fromArguments();

    assertThat(settings.worker()).containsEntry("group.id", "eventshop-connect")
        .containsEntry("config.storage.topic", "connect-configs")
        .containsEntry("offset.storage.topic", "connect-offsets")
        .containsEntry("status.storage.topic", "connect-status")
        .containsEntry("value.converter", "io.eventshop.connect.avro.RegistryAvroConverter")
        .containsEntry("rest.extension.classes", "io.eventshop.connect.ReadinessExtension");
    assertThat(settings.restUrl()).isEqualTo("http://127.0.0.1:8083");
    assertThat(settings.connectorsDir()).isEqualTo(Path.of("connect", "connectors"));
  }

  @Test
  void takesTheLauncherConventionsConnectKeysAndVariables() {
    WorkerSettings settings = WorkerSettings.fromArguments(
        "--eventshop.kafka.bootstrap-servers=broker:9093",
        "--eventshop.schema-registry.url=http://registry:8081",
        "--eventshop.connect.port=18083",
        "--eventshop.connect.connectors-dir=/etc/connectors",
        "--eventshop.connect.variable.crm.database.port=5433",
        "--group.id=existing-connect-cluster",
        "--config.storage.topic=their-configs");

    assertThat(settings.worker()).containsEntry("bootstrap.servers", "broker:9093")
        .containsEntry("value.converter.schema.registry.url", "http://registry:8081")
        .containsEntry("group.id", "existing-connect-cluster")
        .containsEntry("config.storage.topic", "their-configs");
    assertThat(settings.restUrl()).isEqualTo("http://127.0.0.1:18083");
    assertThat(settings.connectorsDir()).isEqualTo(Path.of("/etc/connectors"));
    assertThat(settings.variables()).containsEntry("crm.database.port", "5433")
        .containsEntry("schema.registry.url", "http://registry:8081");
  }

  @Test
  void givesAClustersSecuritySettingsToTheWorkerAndEveryClientItMakes() throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");

    WorkerSettings settings = WorkerSettings.fromArguments(
        "--eventshop.kafka.client-properties-file=" + file);

    for (String prefix : new String[] {"", "producer.", "consumer.", "admin."}) {
      assertThat(settings.worker()).containsEntry(prefix + "security.protocol", "SASL_SSL")
          .containsEntry(prefix + "sasl.mechanism", "PLAIN");
    }
  }

  @Test
  void refusesWhatIsNoSettingNamingIt() {
    assertThatThrownBy(() -> WorkerSettings.fromArguments("group.id=x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected --key=value, got: group.id=x");
    assertThatThrownBy(() -> WorkerSettings.fromArguments("--eventshop.connect.prot=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown setting --eventshop.connect.prot");
  }
}
