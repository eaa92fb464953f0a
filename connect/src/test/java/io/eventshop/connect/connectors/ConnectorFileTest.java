package io.eventshop.connect.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorFileTest {

  private static final Map<String, String> VARIABLES = Map.of(
      "crm.database.hostname", "127.0.0.1", "crm.database.port", "15432",
      "schema.registry.url", "http://127.0.0.1:8081");

  @TempDir
  Path dir;

  @Test
  void readsTheRepositorysConnectorFilesWithEveryPlaceholderFilled() throws IOException {
    Map<String, String> variables = Map.of("crm.database.hostname", "db.example", "crm.database"
        + ".port", "5433", "crm.database.dbname", "crm", "crm.database.user", "debezium",
        "crm.database.password", "secret", "schema.registry.url", "http://registry:8081",
        "kafka.bootstrap.servers", "broker:9092", "lake.warehouse", "/data/lake");

    List<ConnectorFile> connectors = ConnectorFile.readAll(Path.of("connectors"), variables);

    assertThat(connectors).extracting(ConnectorFile::name)
        .containsExactly("crm-customers", "lake-raw");
    Map<String, String> config = connectors.get(0).config();
    assertThat(config).containsEntry("database.hostname", "db.example")
        .containsEntry("database.port", "5433")
        .containsEntry("value.converter.schema.registry.url", "http://registry:8081")
        .containsEntry("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    assertThat(connectors).flatExtracting(c -> c.config().values())
        .noneMatch(value -> value.contains("${"));
  }

  @Test
  void fillsAPlaceholderInsideAValueAndKeepsOtherText() throws IOException {
    write("a.json", """
        {"name": "a", "config": {"connection.url": "jdbc:postgresql://${crm.database.hostname}:${crm.database.port}/x", "tasks.max": 1}}
        """);

    ConnectorFile file = ConnectorFile.read(dir.resolve("a.json"), VARIABLES);

    assertThat(file.config()).containsEntry("connection.url",
        "jdbc:postgresql://127.0.0.1:15432/x").containsEntry("tasks.max", "1");
  }

  @Test
  void anUnknownPlaceholderIsRefusedNamingTheConnectorTheFieldAndTheVariable() throws IOException {
    write("a.json", """
        {"name": "crm", "config": {"database.user": "${crm.database.usr}"}}
        """);

    assertThatThrownBy(() -> ConnectorFile.read(dir.resolve("a.json"), VARIABLES))
        .isInstanceOf(InvalidConnectorException.class)
        .hasMessageStartingWith("connector crm: database.user names ${crm.database.usr}")
        .extracting(e -> ((InvalidConnectorException) e).field()).isEqualTo("database.user");
  }

  @Test
  void aFileThatIsNoConnectorIsRefusedSayingWhy() throws IOException {
    write("broken.json", "{\"name\": \"x\", ");
    write("nameless.json", "{\"config\": {\"a\": \"b\"}}");
    write("empty.json", "{\"name\": \"e\", \"config\": {}}");
    write("nested.json", "{\"name\": \"n\", \"config\": {\"a\": {\"b\": 1}}}");

    assertThatThrownBy(() -> ConnectorFile.read(dir.resolve("broken.json"), VARIABLES))
        .hasMessageStartingWith("connector broken.json: (file) is not JSON");
    assertThatThrownBy(() -> ConnectorFile.read(dir.resolve("nameless.json"), VARIABLES))
        .hasMessage("connector nameless.json: name is missing");
    assertThatThrownBy(() -> ConnectorFile.read(dir.resolve("empty.json"), VARIABLES))
        .hasMessage("connector e: config is missing or empty");
    assertThatThrownBy(() -> ConnectorFile.read(dir.resolve("nested.json"), VARIABLES))
        .hasMessage("connector n: a must be a string, number or boolean");
  }

  @Test
  void readsOnlyJsonFilesInNameOrderAndRefusesAMissingDirectory() throws IOException {
    write("b.json", "{\"name\": \"b\", \"config\": {\"k\": \"v\"}}");
    write("a.json", "{\"name\": \"a\", \"config\": {\"k\": \"v\"}}");
    write("notes.txt", "not a connector");

    assertThat(ConnectorFile.readAll(dir, VARIABLES)).extracting(ConnectorFile::name)
        .containsExactly("a", "b");
    assertThatThrownBy(() -> ConnectorFile.readAll(dir.resolve("nowhere"), VARIABLES))
        .isInstanceOf(IOException.class).hasMessageContaining("no directory of connector files");
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }
}
