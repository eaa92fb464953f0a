package io.eventshop.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventshop.launcher.cli.ConnectorsCommand.ConnectorState;
import io.eventshop.launcher.cli.ConnectorsCommand.TaskState;
import io.eventshop.launcher.run.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorsCommandTest {

  /** Connect's answer to GET /connectors?expand=status&expand=info, trimmed. */
  private static final String ANSWER = """
      {"crm-customers": {
         "status": {"name": "crm-customers", "type": "source",
           "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8083"},
           "tasks": [{"id": 0, "state": "FAILED", "worker_id": "127.0.0.1:8083",
                      "trace": "org.postgresql.util.PSQLException: Connection refused\\n\\tat x"}]},
         "info": {"name": "crm-customers", "type": "source",
           "config": {"connector.class": "io.debezium.connector.postgresql.PostgresConnector"}}},
       "lake": {
         "status": {"name": "lake", "type": "sink",
           "connector": {"state": "RUNNING", "worker_id": "127.0.0.1:8083"},
           "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "127.0.0.1:8083"}]},
         "info": {"config": {"connector.class": "org.example.LakeSink"}}}}
      """;

  @Test
  void readsEveryConnectorWithItsClassStateAndTasksAndAFailedTasksTrace() throws Exception {
    List<ConnectorState> connectors = ConnectorsCommand.connectorsOf(Json.MAPPER.readTree(ANSWER));

    assertThat(connectors).extracting(ConnectorState::name, ConnectorState::type,
            ConnectorState::connectorClass, ConnectorState::state)
        .containsExactly(
            tuple("crm-customers", "source",
                "io.debezium.connector.postgresql.PostgresConnector", "RUNNING"),
            tuple("lake", "sink", "org.example.LakeSink",
                "RUNNING"));
    TaskState failed = connectors.get(0).tasks().get(0);
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.trace()).startsWith("org.postgresql.util.PSQLException: Connection refused");
    assertThat(connectors.get(1).tasks().get(0).trace()).isNull();
  }

  @Test
  void aConnectorRunsOnlyWhenItAndEveryTaskRun() throws Exception {
    List<ConnectorState> connectors = ConnectorsCommand.connectorsOf(Json.MAPPER.readTree(ANSWER));

    assertThat(connectors.get(0).running()).isFalse();
    assertThat(connectors.get(1).running()).isTrue();
    assertThat(new ConnectorState("idle", "source", "C", "RUNNING", "w", null, List.of())
        .running()).isFalse();
  }
}
