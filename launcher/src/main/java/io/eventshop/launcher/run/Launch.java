package io.eventshop.launcher.run;

import io.eventshop.contracts.Topics;
import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.kafka.ProvisioningReport;
import io.eventshop.launcher.kafka.TopicProvisioner;
import io.eventshop.launcher.process.StartCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

  /** Starts everything and returns what runs; throws {@link LauncherException} on a failure. */
  public RunFile.Run start() throws IOException, InterruptedException {
    List<List<PlannedInstance>> waves = settings.plan().waves();
    settings.plan().instances().stream().filter(i -> !i.existing())
        .forEach(i -> i.spec().start().prepare(settings.home(), console::step));
    for (int wave = 0; wave < waves.size(); wave++) {
      List<Component> started = new ArrayList<>();
      for (PlannedInstance instance : waves.get(wave)) {
        started.add(start(instance, wave));
      }
      awaitReady(started.stream().filter(c -> c.process().isPresent()).toList());
      for (Component component : started) {
        if (component.kind() == ComponentKind.KAFKA) {
          provisionTopics(new KafkaConnection(component.url(), settings.kafkaProperties()));
        }
      }
    }
    console.step("all " + supervisor.components().size() + " components healthy");
    RunFile.Run run = describe(settings, supervisor);
    new RunFile(settings.dataDir()).write(run);
    printTable();
    return run;
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

  /** Only an existing Kafka cluster can stand in for a component today ({@code --kafka}). */
  private Component useExisting(PlannedInstance cluster, int wave) {
    if (!cluster.spec().readiness().isReady(cluster.url(), settings.kafkaProperties())) {
      throw new LauncherException("cannot reach Kafka at " + cluster.url() + " (check --kafka / "
          + KafkaConnection.BOOTSTRAP_ENV + " and --kafka-properties)", LauncherException.FAILED);
    }
    Component component = new Component(cluster.componentName(), cluster.spec().kind(),
        cluster.url(), cluster.spec().readiness(), Optional.empty(),
        settings.logFile(cluster.componentName()), wave);
    supervisor.add(component);
    console.step("using the existing Kafka cluster at " + cluster.url() + " (no broker started)");
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

  /** Polls every component's probe until all are ready; fails when one dies or times out. */
  private void awaitReady(List<Component> components) throws InterruptedException {
    List<Component> pending = new ArrayList<>(components);
    long deadline = System.nanoTime() + settings.healthTimeout().toNanos();
    while (!pending.isEmpty()) {
      failIfAnyExited();
      for (Component component : List.copyOf(pending)) {
        if (component.readiness().isReady(component.url(), settings.kafkaProperties())) {
          console.step(component.name() + " " + component.readiness().outcome() + " at "
              + component.url());
          pending.remove(component);
        }
      }
      if (!pending.isEmpty() && System.nanoTime() > deadline) {
        Component late = pending.get(0);
        throw new LauncherException(late.name() + " not " + late.readiness().outcome()
            + " after " + settings.healthTimeout().toSeconds() + " s ("
            + late.readiness().question(late.url()) + "); see " + late.logFile(),
            LauncherException.FAILED);
      }
      if (!pending.isEmpty()) {
        Thread.sleep(READY_POLL_MILLIS);
      }
    }
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
