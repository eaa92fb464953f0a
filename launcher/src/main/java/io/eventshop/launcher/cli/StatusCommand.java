package io.eventshop.launcher.cli;

import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.run.ComponentHealth;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.RunFile;
import io.eventshop.launcher.run.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop status}: what the run of a data dir started and whether each part is healthy.
 * Exit 0 when all are, 1 when one is not, 3 when nothing runs.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show what runs and whether it is healthy (exit 0 all healthy, 1 not, 3 nothing"
        + " runs).")
public final class StatusCommand implements Callable<Integer> {

  static final int ALL_HEALTHY = 0;
  static final int UNHEALTHY = 1;
  static final int NOTHING_RUNS = 3;

  /** One line of the answer; the JSON shape scripts rely on. */
  public record ComponentStatus(String name, ComponentKind kind, String url, Long pid,
                                boolean healthy) {
  }

  /** The JSON answer: {@code {"components":[...]}}. */
  public record StatusReport(List<ComponentStatus> components) {
  }

  @Mixin
  private RunDirectory directory;

  @Option(names = "--json", description = "Print {\"components\":[{name,kind,url,pid,healthy}]}.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    RunFile runFile = new RunFile(directory.dataDir());
    Optional<RunFile.Run> run = runFile.read().filter(StatusCommand::anythingAlive);
    if (run.isEmpty()) {
      print(new StatusReport(List.of()), "nothing runs with data dir " + directory.dataDir());
      return NOTHING_RUNS;
    }
    ComponentHealth health = new ComponentHealth(
        Optional.ofNullable(run.get().kafkaPropertiesFile()).map(Path::of));
    List<ComponentStatus> statuses = run.get().components().stream()
        .map(c -> new ComponentStatus(c.name(), c.kind(), c.url(), c.pid(), health.isHealthy(c)))
        .toList();
    print(new StatusReport(statuses), null);
    return statuses.stream().allMatch(ComponentStatus::healthy) ? ALL_HEALTHY : UNHEALTHY;
  }

  /** A run whose launcher and children are all gone left a stale file behind. */
  private static boolean anythingAlive(RunFile.Run run) {
    return ComponentHealth.isAlive(run.launcherPid())
        || run.components().stream().anyMatch(c -> c.pid() != null
            && ComponentHealth.isAlive(c.pid()));
  }

  private void print(StatusReport report, String emptyMessage) throws Exception {
    if (json) {
      System.out.println(Json.MAPPER.writeValueAsString(report));
      return;
    }
    if (report.components().isEmpty()) {
      System.out.println(emptyMessage);
      return;
    }
    Table table = new Table("COMPONENT", "KIND", "URL", "PID", "HEALTHY");
    report.components().forEach(c -> table.row(c.name(), c.kind().label(), c.url(),
        c.pid() == null ? "-" : c.pid(), c.healthy() ? "yes" : "NO"));
    table.lines().forEach(System.out::println);
  }
}
