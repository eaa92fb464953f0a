package io.eventshop.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.connect.connectors.ConnectorFile;
import io.eventshop.connect.connectors.ConnectorRegistrar;
import io.eventshop.connect.connectors.InvalidConnectorException;
import io.eventshop.contracts.Topics;
import io.eventshop.testing.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker in distributed mode on the shared broker, with Debezium on its plugin path as the
 * build puts it there, refusing bad connector files at start: the message names the connector and
 * the field, before anything runs.
 */
class ConnectWorkerIT {

  private static final Map<String, String> DATABASE = Map.of(
      "crm.database.hostname", "127.0.0.1", "crm.database.port", "1",
      "crm.database.dbname", "crm", "crm.database.user", "postgres",
      "crm.database.password", "", "schema.registry.url", "http://127.0.0.1:1");
  private static Connect<?> worker;
  private static WorkerSettings settings;

  @TempDir
  Path dir;

  @BeforeAll
  static void startAWorker() {
    SharedKafka.createTopics(List.of(Topics.CONNECT_CONFIGS, Topics.CONNECT_OFFSETS,
        Topics.CONNECT_STATUS));
    settings = WorkerSettings.fromArguments(
        "--eventshop.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
        "--eventshop.connect.port=" + SharedKafka.freePort(),
        "--plugin.path=" + Path.of("target", "plugins").toAbsolutePath(),
        "--group.id=connect-worker-it");
    worker = new ConnectDistributed().startConnect(settings.worker());
  }

  @AfterAll
  static void stopTheWorker() {
    if (worker != null) {
      worker.stop();
    }
  }

  private ConnectorRegistrar registrar() {
    return new ConnectorRegistrar(settings.restUrl(), Duration.ofSeconds(90));
  }

  @Test
  void aBadValueIsRefusedNamingTheConnectorAndTheField() throws Exception {
    String file = Files.readString(Path.of("connectors", "crm-customers.json"))
        .replace("\"crm-customers\"", "\"crm-bad-port\"")
        .replace("${crm.database.port}", "not-a-port");
    Path bad = Files.writeString(dir.resolve("bad.json"), file);

    assertThatThrownBy(() -> registrar().apply(ConnectorFile.read(bad, DATABASE)))
        .isInstanceOf(InvalidConnectorException.class)
        .hasMessageStartingWith("connector crm-bad-port: database.port invalid:")
        .hasMessageContaining("integer")
        .extracting(e -> ((InvalidConnectorException) e).field()).isEqualTo("database.port");
    assertThat(connectors()).doesNotContain("crm-bad-port");
  }

  @Test
  void anUnknownConnectorClassIsRefusedNamingTheConnector() throws Exception {
    Path unknown = Files.writeString(dir.resolve("unknown.json"), """
        {"name": "nowhere", "config": {"connector.class": "org.example.NoSuchConnector"}}
        """);

    assertThatThrownBy(() -> registrar().apply(ConnectorFile.read(unknown, DATABASE)))
        .isInstanceOf(InvalidConnectorException.class)
        .hasMessageStartingWith("connector nowhere: connector.class")
        .hasMessageContaining("NoSuchConnector");
  }

  @Test
  void answersNotReadyUntilTheConnectorsAreApplied() throws Exception {
    HttpResponse<String> before = get("/eventshop/ready");

    ReadinessExtension.connectorsApplied();

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(get("/eventshop/ready").statusCode()).isEqualTo(200);
  }

  private static String connectors() throws Exception {
    return get("/connectors").body();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(settings.restUrl() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
