package io.eventshop.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The shop started by the benchmark itself, exactly as {@code ./eventshop up} starts it (the
 * launcher as a child JVM), on free ports and its own data directory, stopped with SIGTERM like
 * Ctrl-C, with the {@link ShopLimits} it is asked for: the benchmark raises the gateway's rate
 * limit and the fraud rule's limit, the end-to-end tests keep the shop's real ones.
 */
public final class ShopProcess implements AutoCloseable {

  // every component but the broker (moved by its own options) is given a free port, so that
  // runs on one machine do not collide; a component the catalogue gains must be added here
  static final List<String> SERVICES = List.of("schema-registry", "product", "customer",
      "stock", "order", "analytics", "search", "sql", "lake", "gateway", "postgres", "legacy-crm",
      "connect");
  // generous: on a shared 2-core machine a JVM may take minutes to start
  private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(8);
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  private final Process launcher;
  private final Path dataDir;
  private final Path log;

  private ShopProcess(Process launcher, Path dataDir, Path log) {
    this.launcher = launcher;
    this.dataDir = dataDir;
    this.log = log;
  }

  /**
   * Starts the shop and waits for {@code ready}.
   *
   * @param kafka        an existing cluster to use instead of the launcher's own broker
   * @param limits       the shop's real limits, or raised for throughput
   * @param extraOptions further options of {@code up}, e.g. {@code --instances order=2}
   */
  public static ShopProcess start(Path home, Path workDir, Optional<String> kafka,
                                  ShopLimits limits, List<String> extraOptions,
                                  PrintStream out) {
    Path dataDir = workDir.resolve("data");
    Path log = workDir.resolve("up.log");
    try {
      deleteRecursively(dataDir);
      Files.createDirectories(workDir);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // as ./eventshop runs the launcher; its children are tuned by `up` (--throughput)
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
          "-cp", launcherClasspath(home), "-Deventshop.home=" + home,
          "io.eventshop.launcher.Main", "up", "--data-dir", dataDir.toString(),
          "--health-timeout", Long.toString(HEALTH_TIMEOUT.toSeconds())));
      if (kafka.isPresent()) {
        command.addAll(List.of("--kafka", kafka.get()));
      } else {
        command.addAll(List.of("--kafka-port", freePort(), "--controller-port", freePort()));
      }
      for (String service : SERVICES) {
        command.addAll(List.of("--port", service + "=" + freePort()));
      }
      command.addAll(extraOptions);
      out.printf("starting the shop with %s limits (log: %s)%n",
          limits.name().toLowerCase(Locale.ROOT), log);
      ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(limits.environment());
      ShopProcess shop = new ShopProcess(builder.start(), dataDir, log);
      shop.awaitReady();
      out.println("shop ready");
      return shop;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the shop", e);
    }
  }

  public ShopEndpoints endpoints() {
    return ShopEndpoints.fromRunFile(dataDir);
  }

  /** The {@code --data-dir} of the run: {@code run.json}, {@code logs/}, the broker's data. */
  public Path dataDir() {
    return dataDir;
  }

  /** The launcher's console output so far. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + log, e);
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && launcher.isAlive() && !readyPrinted()) {
      try {
        launcher.waitFor(250, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!readyPrinted()) {
      String why = launcher.isAlive() ? "did not reach ready within " + READY_TIMEOUT
          : "stopped with exit code " + launcher.exitValue() + " before it was ready";
      close();
      throw new IllegalStateException("the shop " + why + "; the launcher's output:\n"
          + ProducerPerformanceReport.tail(Files.readString(log)));
    }
  }

  private boolean readyPrinted() throws IOException {
    return Files.exists(log)
        && Files.readAllLines(log).stream().anyMatch(line -> line.strip().equals("ready"));
  }

  /** Stops the shop as Ctrl-C would; after {@value #STOP_TIMEOUT} kills what is left. */
  @Override
  public void close() {
    if (!launcher.isAlive()) {
      return;
    }
    List<ProcessHandle> children = launcher.descendants().toList();
    launcher.destroy();
    try {
      if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        children.forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String launcherClasspath(Path home) throws IOException {
    Path jar = home.resolve("launcher/target/launcher.jar");
    Path classpath = home.resolve("launcher/target/classes/eventshop/runtime-classpath.txt");
    if (!Files.exists(jar) || !Files.exists(classpath)) {
      throw new IllegalStateException("the launcher is not built under " + home
          + ": run ./mvnw -q install -DskipTests (or ./eventshop up once) first");
    }
    return jar + ":" + Files.readString(classpath).trim();
  }

  private static String freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return Integer.toString(socket.getLocalPort());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
