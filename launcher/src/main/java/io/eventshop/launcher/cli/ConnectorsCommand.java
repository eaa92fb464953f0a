package io.eventshop.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.RunFile;
import io.eventshop.launcher.run.Table;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop connectors}: every connector of the Connect worker with its state and the
 * state of each of its tasks, as Connect's REST API tells them. Exit 0 when every connector and
 * task runs, 1 when one does not (its trace is shown), 3 when no worker answers.
 */
@Command(name = "connectors", mixinStandardHelpOptions = true,
    description = "List the Kafka Connect connectors and their tasks with their state (exit 0 all"
        + " running, 1 not, 3 no worker answers).")
public final class ConnectorsCommand implements Callable<Integer> {

  static final int ALL_RUNNING = 0;
  static final int NOT_RUNNING = 1;
  static final int NO_WORKER = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String RUNNING = "RUNNING";

  /** A task of a connector. {@code trace} is Connect's stack trace of a failed task. */
  public record TaskState(int id, String state, String workerId, String trace) {
  }

  /** A connector; the JSON shape scripts rely on. */
  public record ConnectorState(String name, String type, String connectorClass, String state,
                               String workerId, String trace, List<TaskState> tasks) {

    boolean running() {
      return RUNNING.equals(state) && !tasks.isEmpty()
          && tasks.stream().allMatch(task -> RUNNING.equals(task.state()));
    }
  }

  /** The JSON answer: {@code {"worker": url, "connectors": [...]}}. */
  public record ConnectorsReport(String worker, List<ConnectorState> connectors) {
  }

  @Mixin
  private RunDirectory directory;

  @Option(names = "--connect-url", paramLabel = "URL",
      description = "The Connect worker's REST address (default: the run of --data-dir).")
  private String connectUrl;

  @Option(names = "--json", description = "Print {\"worker\":…,\"connectors\":[{name,type,"
      + "connectorClass,state,workerId,trace,tasks:[{id,state,workerId,trace}]}]}.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    Optional<String> worker = Optional.ofNullable(connectUrl).or(this::workerOfTheRun);
    if (worker.isEmpty()) {
      System.out.println("no Connect worker runs with data dir " + directory.dataDir()
          + " (start one with ./eventshop up, or name one with --connect-url)");
      return NO_WORKER;
    }
    JsonNode answer;
    try {
      answer = fetch(worker.get() + "/connectors?expand=status&expand=info");
    } catch (IOException e) {
      System.out.println("the Connect worker at " + worker.get() + " does not answer: " + e);
      return NO_WORKER;
    }
    ConnectorsReport report = new ConnectorsReport(worker.get(), connectorsOf(answer));
    print(report);
    return report.connectors().stream().allMatch(ConnectorState::running) ? ALL_RUNNING
        : NOT_RUNNING;
  }

  private Optional<String> workerOfTheRun() {
    return new RunFile(directory.dataDir()).read().flatMap(run -> run.components().stream()
        .filter(component -> component.kind() == ComponentKind.CONNECT)
        .map(RunFile.Entry::url).findFirst());
  }

  private static JsonNode fetch(String url) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  /** Reads Connect's {@code GET /connectors?expand=status&expand=info} answer. */
  static List<ConnectorState> connectorsOf(JsonNode answer) {
    List<ConnectorState> connectors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : answer.properties()) {
      JsonNode status = entry.getValue().path("status");
      JsonNode info = entry.getValue().path("info");
      List<TaskState> tasks = new ArrayList<>();
      for (JsonNode task : status.path("tasks")) {
        tasks.add(new TaskState(task.path("id").asInt(), task.path("state").asText(),
            task.path("worker_id").asText(), textOrNull(task.path("trace"))));
      }
      connectors.add(new ConnectorState(entry.getKey(), status.path("type").asText(),
          info.path("config").path("connector.class").asText(),
          status.path("connector").path("state").asText(),
          status.path("connector").path("worker_id").asText(),
          textOrNull(status.path("connector").path("trace")), List.copyOf(tasks)));
    }
    return connectors;
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  private void print(ConnectorsReport report) throws Exception {
    if (json) {
      System.out.println(Json.MAPPER.writeValueAsString(report));
      return;
    }
    if (report.connectors().isEmpty()) {
      System.out.println("the Connect worker at " + report.worker() + " runs no connector");
      return;
    }
    Table table = new Table("CONNECTOR", "TYPE", "CLASS", "TASK", "STATE", "WORKER");
    List<String> traces = new ArrayList<>();
    for (ConnectorState connector : report.connectors()) {
      table.row(connector.name(), connector.type(), connector.connectorClass(), "-",
          connector.state(), connector.workerId());
      addTrace(traces, connector.name(), connector.trace());
      for (TaskState task : connector.tasks()) {
        table.row("", "", "", task.id(), task.state(), task.workerId());
        addTrace(traces, connector.name() + " task " + task.id(), task.trace());
      }
    }
    table.lines().forEach(System.out::println);
    traces.forEach(System.out::println);
  }

  /** The first line of a failure's trace says what went wrong; the rest is in the worker's log. */
  private static void addTrace(List<String> traces, String who, String trace) {
    if (trace != null && !trace.isBlank()) {
      traces.add(who + " failed: " + trace.lines().findFirst().orElse(trace));
    }
  }
}
