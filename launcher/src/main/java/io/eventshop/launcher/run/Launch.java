package io.eventshop.launcher.run;

import io.eventshop.contracts.Topics;
import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.kafka.ProvisioningReport;
import io.eventshop.launcher.kafka.TopicProvisioner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Brings the system up: the broker (or an existing cluster), the topics of the catalogue, the
 * schema registry, then every other service in parallel; waits for each to be healthy; writes
 * {@code run.json} and prints what runs where. Stopping is the {@link Supervisor}'s job.
 */
public final class Launch {

  private static final int KAFKA_WAVE = 0;
  private static final int REGISTRY_WAVE = 1;
  private static final int SERVICES_WAVE = 2;
  private static final int ADMIN_TIMEOUT_MS = 10_000;
  private static final long HEALTH_POLL_MILLIS = 250;

  private final LaunchSettings settings;
  private final Console console;
  private final Supervisor supervisor;
  private final LogEcho logEcho;
  private final HealthProbe health = new HealthProbe();

  public Launch(LaunchSettings settings, Console console, Supervisor supervisor, LogEcho logEcho) {
    this.settings = settings;
    this.console = console;
    this.supervisor = supervisor;
    this.logEcho = logEcho;
  }

  /** Starts everything and returns what runs; throws {@link LauncherException} on a failure. */
  public RunFile.Run start() throws IOException, InterruptedException {
    KafkaConnection kafka = kafka();
    provisionTopics(kafka);

    List<PlannedInstance> registry = settings.plan().instances().stream()
        .filter(i -> settings.plan().schemaRegistry().map(i::equals).orElse(false)).toList();
    List<PlannedInstance> others = settings.plan().instances().stream()
        .filter(i -> !registry.contains(i)).toList();
    Optional<String> registryUrl = settings.plan().schemaRegistry().map(PlannedInstance::url);
    awaitHealthy(startAll(registry, kafka, registryUrl, REGISTRY_WAVE));
    awaitHealthy(startAll(others, kafka, registryUrl, SERVICES_WAVE));

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
            .map(c -> new RunFile.Entry(c.name(), c.kind(), c.url(), c.pid().orElse(null)))
            .toList());
  }

  private KafkaConnection kafka() throws IOException, InterruptedException {
    if (settings.externalBootstrap().isPresent()) {
      KafkaConnection kafka = new KafkaConnection(settings.externalBootstrap().get(),
          settings.kafkaProperties());
      awaitReachable(kafka);
      supervisor.add(new Component("kafka", ComponentKind.KAFKA, kafka.bootstrapServers(),
          Optional.empty(), settings.logFile("kafka"), KAFKA_WAVE));
      console.step("using the existing Kafka cluster at " + kafka.bootstrapServers()
          + " (no broker started)");
      return kafka;
    }
    LaunchPlan.BrokerPorts ports = settings.plan().broker().orElseThrow();
    KafkaBroker.Settings broker = new KafkaBroker.Settings(settings.dataDir().resolve("kafka"),
        "127.0.0.1", ports.kafka(), ports.controller(), KafkaBroker.buildClasspath(),
        settings.logFile("kafka"), settings.brokerHeap());
    console.step("starting kafka (KRaft broker and controller) on " + broker.bootstrapServers());
    logEcho.follow("kafka", broker.logFile());
    KafkaBroker started = KafkaBroker.launch(broker);
    supervisor.add(new Component("kafka", ComponentKind.KAFKA, started.bootstrapServers(),
        Optional.of(started.process()), broker.logFile(), KAFKA_WAVE));
    try {
      started.awaitReady(settings.healthTimeout());
    } catch (IOException e) {
      throw new LauncherException(e.getMessage(), LauncherException.FAILED);
    }
    console.step("kafka ready at " + started.bootstrapServers());
    return new KafkaConnection(started.bootstrapServers(), settings.kafkaProperties());
  }

  private void awaitReachable(KafkaConnection kafka) throws InterruptedException {
    try (Admin admin = kafka.admin(ADMIN_TIMEOUT_MS)) {
      admin.describeCluster().nodes().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new LauncherException("cannot reach Kafka at " + kafka.bootstrapServers()
          + " (check --kafka / " + KafkaConnection.BOOTSTRAP_ENV + " and --kafka-properties)",
          LauncherException.FAILED);
    }
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

  private List<Component> startAll(List<PlannedInstance> instances, KafkaConnection kafka,
                                   Optional<String> registryUrl, int wave) throws IOException {
    List<Component> started = new ArrayList<>();
    for (PlannedInstance instance : instances) {
      var log = settings.logFile(instance.componentName());
      console.step("starting " + instance.componentName() + " on " + instance.url());
      logEcho.follow(instance.componentName(), log);
      List<String> command = ServiceProcess.command(instance, settings, kafka, registryUrl);
      Process process = ServiceProcess.start(command, settings.home(), log);
      Component component = new Component(instance.componentName(), instance.service().kind(),
          instance.url(), Optional.of(process), log, wave);
      supervisor.add(component, () -> ServiceProcess.start(command, settings.home(), log));
      started.add(component);
    }
    return started;
  }

  /** Polls every component's health until all answer 200; fails when one dies or times out. */
  private void awaitHealthy(List<Component> components) throws InterruptedException {
    List<Component> pending = new ArrayList<>(components);
    long deadline = System.nanoTime() + settings.healthTimeout().toNanos();
    while (!pending.isEmpty()) {
      failIfAnyExited();
      for (Component component : List.copyOf(pending)) {
        if (health.isHealthy(component.url())) {
          console.step(component.name() + " healthy at " + component.url());
          pending.remove(component);
        }
      }
      if (!pending.isEmpty() && System.nanoTime() > deadline) {
        Component late = pending.get(0);
        throw new LauncherException(late.name() + " not healthy after "
            + settings.healthTimeout().toSeconds() + " s (GET " + late.url()
            + "/actuator/health); see " + late.logFile(), LauncherException.FAILED);
      }
      if (!pending.isEmpty()) {
        Thread.sleep(HEALTH_POLL_MILLIS);
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
