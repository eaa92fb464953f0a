package io.eventshop.launcher.broker;

import io.eventshop.launcher.process.ChildCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run as a child JVM
 * from the Kafka jars on our own classpath. Its storage is formatted on the first start only, so
 * the events in {@code dataDir} survive a restart.
 *
 * <p>Used by {@code ./eventshop up} and by integration tests, so that tests run the same broker a
 * user runs.
 */
public final class KafkaBroker implements AutoCloseable {

  /**
   * Where and how to run the broker.
   *
   * @param jvmOptions further options of its JVM (the run's JIT tuning)
   */
  public record Settings(Path dataDir, String host, int port, int controllerPort, String classpath,
                         Path logFile, String maxHeap, List<String> jvmOptions) {

    public Settings {
      jvmOptions = List.copyOf(jvmOptions);
    }

    public String bootstrapServers() {
      return host + ":" + port;
    }
  }

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Settings settings;
  private final Process process;
  private volatile boolean temporary;

  private KafkaBroker(Settings settings, Process process) {
    this.settings = settings;
    this.process = process;
  }

  /**
   * A broker for tests: free ports, a fresh temporary data directory that {@link #close()}
   * deletes.
   */
  public static KafkaBroker startTemporary(Duration readyTimeout) throws IOException {
    Path dataDir = Files.createTempDirectory("eventshop-kafka");
    Settings settings = new Settings(dataDir, "127.0.0.1", freePort(), freePort(),
        buildClasspath(), dataDir.resolve("kafka.log"), "512m", List.of());
    KafkaBroker broker = launch(settings);
    broker.temporary = true;
    try {
      broker.awaitReady(readyTimeout);
    } catch (RuntimeException | IOException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  /** A port free at the time of the call. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Formats the storage if it is new, starts the broker and waits until it answers an admin
   * request.
   */
  public static KafkaBroker start(Settings settings, Duration readyTimeout) throws IOException {
    KafkaBroker broker = launch(settings);
    try {
      broker.awaitReady(readyTimeout);
    } catch (RuntimeException | IOException e) {
      broker.close();
      throw e;
    }
    return broker;
  }

  /**
   * Formats the storage if it is new and starts the broker without waiting for it, so that a
   * caller can take charge of the process (stop it on Ctrl-C) before it is ready; then call
   * {@link #awaitReady(Duration)}.
   */
  public static KafkaBroker launch(Settings settings) throws IOException {
    Path logDir = settings.dataDir().resolve("log");
    Files.createDirectories(logDir);
    Files.createDirectories(settings.logFile().getParent());
    Path config = writeServerProperties(settings, logDir);
    Path log4j = writeLog4jConfig(settings.dataDir());
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(settings, config, log4j);
    }
    Process process = new ProcessBuilder(javaCommand(settings, log4j, "kafka.Kafka", config.toString()))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
        .start();
    return new KafkaBroker(settings, process);
  }

  /**
   * The classpath of the Kafka jars this module was built with (written into the jar by the
   * build), for the broker's child JVM.
   */
  public static String buildClasspath() {
    try (var in = KafkaBroker.class.getResourceAsStream("/eventshop/runtime-classpath.txt")) {
      if (in == null) {
        throw new IllegalStateException("eventshop/runtime-classpath.txt missing: build the launcher"
            + " module with Maven");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return settings.bootstrapServers();
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Process process() {
    return process;
  }

  /** Stops the broker with SIGTERM (a controlled shutdown) and waits; kills it if it hangs. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (temporary) {
      deleteRecursively(settings.dataDir());
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temporary directory left behind is harmless
    }
  }

  /** Waits until the broker answers an admin request; fails early if its process exits. */
  public void awaitReady(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Object> config = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
    try (Admin admin = Admin.create(config)) {
      while (true) {
        if (!process.isAlive()) {
          throw new IOException("Kafka broker exited with code " + process.exitValue()
              + " while starting; see " + settings.logFile());
        }
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException e) {
          if (System.nanoTime() > deadline) {
            throw new IOException("Kafka broker not ready after " + timeout.toSeconds()
                + " s; see " + settings.logFile());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for the broker", e);
        }
      }
    }
  }

  private static void format(Settings settings, Path config, Path log4j) throws IOException {
    List<String> command = javaCommand(settings, log4j, "kafka.tools.StorageTool", "format",
        "--cluster-id", randomClusterId(), "--config", config.toString(), "--standalone");
    Process format = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
        .start();
    try {
      int exit = format.waitFor();
      if (exit != 0) {
        throw new IOException("formatting Kafka storage failed (exit " + exit + "); see "
            + settings.logFile());
      }
    } catch (InterruptedException e) {
      format.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while formatting Kafka storage", e);
    }
  }

  /**
   * A new cluster id, made by Kafka's own {@link Uuid}: plain URL-safe base64 of random bytes
   * starts with '-' once in 64 times, which kafka-storage's argument parser takes for an option.
   */
  private static String randomClusterId() {
    return Uuid.randomUuid().toString();
  }

  static List<String> javaCommand(Settings settings, Path log4j, String mainClass,
                                  String... args) {
    List<String> arguments = new ArrayList<>();
    arguments.add("-Xmx" + settings.maxHeap());
    arguments.add("-XX:+UseG1GC");
    arguments.addAll(settings.jvmOptions());
    arguments.add("-Dlog4j2.configurationFile=" + log4j);
    arguments.add("-cp");
    arguments.add(settings.classpath());
    arguments.add(mainClass);
    arguments.addAll(List.of(args));
    return ChildCommand.java(arguments);
  }

  private static Path writeServerProperties(Settings s, Path logDir) throws IOException {
    Properties p = new Properties();
    String controller = s.host() + ":" + s.controllerPort();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.bootstrap.servers", controller);
    p.setProperty("listeners", "PLAINTEXT://" + s.bootstrapServers() + ",CONTROLLER://" + controller);
    p.setProperty("advertised.listeners", "PLAINTEXT://" + s.bootstrapServers());
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toAbsolutePath().toString());
    // One broker: the internal topics cannot have more replicas than that.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    // The first write of a transaction that follows a commit at once waits, on the broker, for
    // the previous transaction's markers; Kafka retries that after 20 ms at first, which an
    // exactly-once hop committing every 10 ms meets all the time. 1 ms keeps hops short.
    p.setProperty("add.partitions.to.txn.retry.backoff.ms", "1");
    // Topics are created by the provisioner from the catalogue, never by accident.
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("num.partitions", "1");
    Path file = s.dataDir().resolve("server.properties");
    try (var out = Files.newBufferedWriter(file)) {
      p.store(out, "written by the Eventshop launcher at every start");
    }
    return file;
  }

  private static Path writeLog4jConfig(Path dataDir) {
    Path file = dataDir.resolve("broker-log4j2.properties");
    String config = """
        status = warn
        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        logger.kafka.name = kafka
        logger.kafka.level = warn
        logger.apache.name = org.apache.kafka
        logger.apache.level = warn
        logger.server.name = kafka.server.KafkaRaftServer
        logger.server.level = info
        """;
    try {
      Files.writeString(file, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
