package io.eventshop.launcher.cli;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentSpec;
import io.eventshop.launcher.catalogue.Selection;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.postgres.DatabaseUrl;
import io.eventshop.launcher.process.JvmTuning;
import io.eventshop.launcher.run.Component;
import io.eventshop.launcher.run.Console;
import io.eventshop.launcher.run.Launch;
import io.eventshop.launcher.run.LaunchPlan;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.LogEcho;
import io.eventshop.launcher.run.PortCheck;
import io.eventshop.launcher.run.RunFile;
import io.eventshop.launcher.run.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop up}: runs the whole system, or the part {@code --only} and {@code --without}
 * choose, until Ctrl-C. A child that dies after the start is started again a few times if the
 * catalogue says it may be; otherwise, or when its restarts are used up, the launcher says so,
 * stops the rest and exits 1: a half-running shop hides failures, an endless restart loop hides
 * them longer.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start Kafka (unless --kafka), provision the topics, start every built"
        + " component in the order of what each needs; Ctrl-C stops everything.")
public final class UpCommand implements Callable<Integer> {

  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  @Mixin
  private RunDirectory directory;

  @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]",
      description = "Use this existing cluster and start no broker (or set "
          + KafkaConnection.BOOTSTRAP_ENV + ").")
  private String kafka;

  @Option(names = "--kafka-properties", paramLabel = "FILE",
      description = "Kafka client properties (SASL/SSL) for the launcher and every service.")
  private Path kafkaProperties;

  @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
      description = "Use this existing PostgreSQL (jdbc:postgresql://host:port/database, with"
          + " wal_level=logical) for the legacy CRM and start none; its password comes from the"
          + " environment variable " + DatabaseUrl.PASSWORD_ENV + ".")
  private String postgresUrl;

  @Option(names = "--postgres-user", paramLabel = "USER",
      description = "The user of --postgres-url (default: postgres); it needs the REPLICATION"
          + " attribute for change data capture.")
  private String postgresUser;

  @Option(names = "--kafka-port", paramLabel = "PORT",
      defaultValue = "" + ComponentCatalogue.KAFKA_PORT,
      description = "Port of the own broker (default: ${DEFAULT-VALUE}).")
  private int kafkaPort;

  @Option(names = "--controller-port", paramLabel = "PORT",
      defaultValue = "" + ComponentCatalogue.KAFKA_CONTROLLER_PORT,
      description = "KRaft controller port of the own broker (default: ${DEFAULT-VALUE}).")
  private int controllerPort;

  @Option(names = "--port", paramLabel = "NAME=PORT",
      description = "Port of a component's first instance, e.g. --port product=9110.")
  private Map<String, Integer> ports = new LinkedHashMap<>();

  @Option(names = "--instances", paramLabel = "NAME=N",
      description = "Run N instances of a component on consecutive ports, e.g. --instances"
          + " order=2.")
  private Map<String, Integer> instances = new LinkedHashMap<>();

  @Option(names = "--only", paramLabel = "NAME[,NAME...]", split = ",",
      description = "Start only these components or groups and what they need, e.g. --only shop"
          + " (default: everything that is built).")
  private List<String> only = new ArrayList<>();

  @Option(names = "--without", paramLabel = "NAME[,NAME...]", split = ",",
      description = "Leave out these components or groups, e.g. --without gateway.")
  private List<String> without = new ArrayList<>();

  @Option(names = "--health-timeout", paramLabel = "SECONDS", defaultValue = "180",
      description = "How long each component may take to become healthy (default:"
          + " ${DEFAULT-VALUE}).")
  private int healthTimeoutSeconds;

  @Option(names = "--broker-heap", paramLabel = "SIZE", defaultValue = "1g",
      description = "-Xmx of the own broker (default: ${DEFAULT-VALUE}).")
  private String brokerHeap;

  @Option(names = "--throughput",
      description = "Tune the service JVMs for peak throughput (the JIT's optimising compiler"
          + " from the start; the benchmark uses it) rather than a quick start.")
  private boolean throughput;

  private final Map<String, String> environment;

  public UpCommand() {
    this(System.getenv());
  }

  UpCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  /** Resolves the options into settings; throws {@link LauncherException} on a bad value. */
  LaunchSettings settings() {
    Path home = directory.home();
    Optional<String> external = KafkaConnection.externalBootstrap(kafka, environment);
    Optional<Path> properties = Optional.ofNullable(kafkaProperties).map(Path::toAbsolutePath);
    properties.filter(file -> !Files.isReadable(file)).ifPresent(file -> {
      throw new LauncherException("--kafka-properties " + file + ": no such readable file",
          LauncherException.USAGE);
    });
    if (healthTimeoutSeconds < 1) {
      throw new LauncherException("--health-timeout must be at least 1 second",
          LauncherException.USAGE);
    }
    LaunchPlan.KafkaSource kafkaSource = external
        .<LaunchPlan.KafkaSource>map(LaunchPlan.ExistingCluster::new)
        .orElse(new LaunchPlan.BrokerPorts(kafkaPort, controllerPort));
    ComponentCatalogue catalogue = ComponentCatalogue.EVENTSHOP;
    List<ComponentSpec> selected = new Selection(only, without)
        .resolve(catalogue, component -> component.start().isBuilt(home));
    LaunchPlan plan = LaunchPlan.of(catalogue, selected, kafkaSource, instances, ports);
    if (postgresUrl != null) {
      plan = plan.withExistingDatabase(existingDatabaseUrl());
    } else if (postgresUser != null) {
      throw new LauncherException("--postgres-user needs --postgres-url: the embedded"
          + " PostgreSQL has its own user", LauncherException.USAGE);
    }
    return new LaunchSettings(home, directory.dataDir(), external, properties, plan,
        Duration.ofSeconds(healthTimeoutSeconds), brokerHeap,
        throughput ? JvmTuning.THROUGHPUT : JvmTuning.QUICK_START);
  }

  /** {@code --postgres-url}, checked, with {@code --postgres-user} in it. */
  private String existingDatabaseUrl() {
    try {
      DatabaseUrl.parse(postgresUrl);
    } catch (IllegalArgumentException e) {
      throw new LauncherException("--postgres-url: " + e.getMessage(), LauncherException.USAGE);
    }
    return postgresUser == null ? postgresUrl : DatabaseUrl.withUser(postgresUrl, postgresUser);
  }

  @Override
  public Integer call() throws Exception {
    LaunchSettings settings = settings();
    RunFile runFile = new RunFile(settings.dataDir());
    refuseSecondRun(runFile);
    PortCheck.firstProblem(settings.plan().ports()).ifPresent(problem -> {
      throw new LauncherException(problem, LauncherException.USAGE);
    });

    Console console = new Console(System.out);
    Supervisor supervisor = new Supervisor(STOP_GRACE, console);
    LogEcho logEcho = new LogEcho(console);
    Runnable shutdown = shutdown(console, supervisor, logEcho, runFile);
    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "eventshop-stop"));
    try {
      new Launch(settings, console, supervisor, logEcho).start();
    } catch (LauncherException e) {
      if (supervisor.isStopping()) {
        return LauncherException.FAILED; // Ctrl-C during the start: the stop says it all
      }
      console.line(e.getMessage());
      shutdown.run();
      return e.exitCode();
    }
    console.line("ready");
    supervisor.onUnexpectedExit((component, exitCode) -> {
      Optional<Component> restarted = supervisor.restart(component);
      if (restarted.isPresent()) {
        console.line(component.name() + " exited unexpectedly with code " + exitCode
            + "; started it again (pid " + restarted.get().pid().orElseThrow() + "); see "
            + component.logFile());
        runFile.write(Launch.describe(settings, supervisor));
        return;
      }
      console.line(component.name() + " exited unexpectedly with code " + exitCode + "; see "
          + component.logFile() + ". Stopping the rest.");
      System.exit(LauncherException.FAILED);
    });
    new CountDownLatch(1).await(); // until Ctrl-C, SIGTERM or a child's death ends the JVM
    return 0;
  }

  private static void refuseSecondRun(RunFile runFile) {
    runFile.read()
        .filter(run -> ProcessHandle.of(run.launcherPid()).map(ProcessHandle::isAlive)
            .orElse(false))
        .ifPresent(run -> {
          throw new LauncherException("eventshop already runs with this data dir (pid "
              + run.launcherPid() + ", " + runFile.path() + "); stop it first or use another"
              + " --data-dir", LauncherException.USAGE);
        });
  }

  private static Runnable shutdown(Console console, Supervisor supervisor, LogEcho logEcho,
                                   RunFile runFile) {
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.getAndSet(true) || supervisor.components().isEmpty()) {
        return;
      }
      console.step("stopping every component, last started first");
      supervisor.stopAll();
      logEcho.close();
      runFile.delete();
      console.step("all stopped");
    };
  }
}
