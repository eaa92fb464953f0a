package io.eventshop.launcher.run;

import io.eventshop.contracts.Topics;
import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.kafka.ProvisioningReport;
import io.eventshop.launcher.kafka.TopicProvisioner;
import io.eventshop.launcher.postgres.ExistingDatabase;
import io.eventshop.launcher.process.StartCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Brings the plan up wave by wave: starts every instance of a wave, waits until each one's
 * readiness probe answers, then starts the next wave. Once Kafka is ready it creates or updates
 * the topics of the catalogue, before anything that uses them starts. Writes {@code run.json} and
 * prints what runs where. Stopping is the {@link Supervisor}'s job.
 */
public final class Launch {

  private static final int ADMIN_TIMEOUT_MS = 10_000;
  private static final long READY_POLL_MILLIS = 250;

  private final LaunchSettings settings;
  private final Console console;
  private final Supervisor supervisor;
  private final LogEcho logEcho;

  public Launch(LaunchSettings settings, Console console, Supervisor supervisor, LogEcho logEcho) {
    this.settings = settings;
    this.console = console;
    this.supervisor = supervisor;
    this.logEcho = logEcho;
  }

  /**
   * Starts everything and returns what runs; throws {@link LauncherException} on a failure. A
   * component starts as soon as every instance of what it needs is ready, not when its whole wave
   * is: a slow component delays only what needs it. The plan's waves still order the stop.
   */
  public RunFile.Run start() throws IOException, InterruptedException {
    List<List<PlannedInstance>> waves = settings.plan().waves();
    settings.plan().instances().stream().filter(i -> !i.existing())
        .forEach(i -> i.spec().start().prepare(settings.home(), console::step));
    List<Waiting> waiting = new ArrayList<>();
    Map<String, Integer> unready = new HashMap<>();
    for (int wave = 0; wave < waves.size(); wave++) {
      for (PlannedInstance instance : waves.get(wave)) {
        waiting.add(new Waiting(instance, wave));
        unready.merge(instance.spec().name(), 1, Integer::sum);
      }
    }
    List<Starting> starting = new ArrayList<>();
    while (!waiting.isEmpty() || !starting.isEmpty()) {
      for (Waiting next : List.copyOf(waiting)) {
        if (next.instance().spec().needs().stream()
            .allMatch(need -> unready.getOrDefault(need, 0) == 0)) {
          waiting.remove(next);
          Component component = start(next.instance(), next.wave());
          starting.add(new Starting(component, next.instance().spec().name(),
              System.nanoTime() + settings.healthTimeout().toNanos()));
        }
      }
      for (Starting ready : readyNow(starting)) {
        starting.remove(ready);
        if (ready.component().kind() == ComponentKind.KAFKA) {
          provisionTopics(new KafkaConnection(ready.component().url(),
              settings.kafkaProperties()));
        }
        unready.merge(ready.spec(), -1, Integer::sum);
      }
    }
    console.step("all " + supervisor.components().size() + " components healthy");
    RunFile.Run run = describe(settings, supervisor);
    new RunFile(settings.dataDir()).write(run);
    printTable();
    return run;
  }

  /** An instance not started yet: it starts once what it needs is ready. */
  private record Waiting(PlannedInstance instance, int wave) {
  }

  /** A started instance whose probe has not answered yet. */
  private record Starting(Component component, String spec, long deadline) {
  }

  /** What runs now, as {@code run.json} records it. */
  public static RunFile.Run describe(LaunchSettings settings, Supervisor supervisor) {
    return new RunFile.Run(ProcessHandle.current().pid(),
        settings.kafkaProperties().map(Object::toString).orElse(null),
        supervisor.components().stream()
            .map(c -> new RunFile.Entry(c.name(), c.kind(), c.url(), c.pid().orElse(null),
                c.readiness()))
            .toList());
  }

  private Component start(PlannedInstance instance, int wave)
      throws IOException, InterruptedException {
    if (instance.existing()) {
      return useExisting(instance, wave);
    }
    StartContext context = new StartContext(instance, settings);
    String note = instance.spec().kind() == ComponentKind.KAFKA
        ? " (KRaft broker and controller)" : "";
    console.step("starting " + instance.componentName() + note + " on " + instance.url());
    logEcho.follow(instance.componentName(), context.logFile());
    StartCommand command = instance.spec().start();
    Component component = new Component(instance.componentName(), instance.spec().kind(),
        instance.url(), instance.spec().readiness(), Optional.of(command.start(context)),
        context.logFile(), wave);
    if (instance.spec().restartsOnCrash()) {
      supervisor.add(component, () -> command.start(context));
    } else {
      supervisor.add(component);
    }
    return component;
  }

  /** An existing Kafka cluster ({@code --kafka}) or PostgreSQL ({@code --postgres-url}). */
  private Component useExisting(PlannedInstance cluster, int wave) {
    boolean database = cluster.spec().kind() == ComponentKind.DATABASE;
    if (database) {
      ExistingDatabase.check(cluster.url());
    } else if (!cluster.spec().readiness().isReady(cluster.url(), settings.kafkaProperties())) {
      throw new LauncherException("cannot reach Kafka at " + cluster.url() + " (check --kafka / "
          + KafkaConnection.BOOTSTRAP_ENV + " and --kafka-properties)", LauncherException.FAILED);
    }
    Component component = new Component(cluster.componentName(), cluster.spec().kind(),
        cluster.url(), cluster.spec().readiness(), Optional.empty(),
        settings.logFile(cluster.componentName()), wave);
    supervisor.add(component);
    console.step(database
        ? "using the existing PostgreSQL at " + cluster.url() + " (no database started)"
        : "using the existing Kafka cluster at " + cluster.url() + " (no broker started)");
    return component;
  }

  private void provisionTopics(KafkaConnection kafka) throws InterruptedException {
    try (Admin admin = kafka.admin(ADMIN_TIMEOUT_MS)) {
      ProvisioningReport report = new TopicProvisioner(admin).provision(Topics.all());
      report.warnings().forEach(w -> console.step("topics | WARN " + w));
      console.step(report.summary());
    } catch (ExecutionException e) {
      throw new LauncherException("provisioning the topics failed: " + e.getCause().getMessage(),
          LauncherException.FAILED);
    }
  }

  /**
   * The components of {@code starting} whose probe answers now (an existing cluster's at once),
   * waiting a moment when none does; fails when one died or is late.
   */
  private List<Starting> readyNow(List<Starting> starting) throws InterruptedException {
    failIfAnyExited();
    List<Starting> ready = new ArrayList<>();
    for (Starting candidate : starting) {
      Component component = candidate.component();
      if (component.process().isEmpty()
          || component.readiness().isReady(component.url(), settings.kafkaProperties())) {
        if (component.process().isPresent()) {
          console.step(component.name() + " " + component.readiness().outcome() + " at "
              + component.url());
        }
        ready.add(candidate);
      } else if (System.nanoTime() > candidate.deadline()) {
        throw new LauncherException(component.name() + " not "
            + component.readiness().outcome() + " after "
            + settings.healthTimeout().toSeconds() + " s ("
            + component.readiness().question(component.url()) + "); see "
            + component.logFile(), LauncherException.FAILED);
      }
    }
    if (ready.isEmpty() && !starting.isEmpty()) {
      Thread.sleep(READY_POLL_MILLIS);
    }
    return ready;
  }

  private void failIfAnyExited() {
    for (Component component : supervisor.components()) {
      Optional<Process> process = component.process().filter(p -> !p.isAlive());
      if (process.isPresent()) {
        throw new LauncherException(component.name() + " exited with code "
            + process.get().exitValue() + " while starting; see " + component.logFile(),
            LauncherException.FAILED);
      }
    }
  }

  private void printTable() {
    Table table = new Table("COMPONENT", "KIND", "URL", "PID", "LOG");
    for (Component c : supervisor.components()) {
      table.row(c.name(), c.kind().label(), c.url(),
          c.pid().map(String::valueOf).orElse("-"),
          c.process().isPresent() ? settings.dataDir().relativize(c.logFile()) : "-");
    }
    table.lines().forEach(console::line);
  }
}
