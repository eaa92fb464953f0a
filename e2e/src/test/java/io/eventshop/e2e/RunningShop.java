package io.eventshop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.testing.SharedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The whole shop, started once per test run with {@code ./eventshop up} (the launcher, on free
 * ports and a data directory under {@code target/}) and stopped with SIGTERM, like Ctrl-C, when
 * the test JVM exits. Tests share it, so each test creates its own products and customers.
 */
public final class RunningShop {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(8);
  private static final List<String> SERVICES =
      List.of("schema-registry", "product", "customer", "stock", "order", "gateway");
  private static RunningShop shop;
  private static RuntimeException startFailure;

  private final Process launcher;
  private final Path dataDir;
  private final Path upLog;

  private RunningShop(Process launcher, Path dataDir, Path upLog) {
    this.launcher = launcher;
    this.dataDir = dataDir;
    this.upLog = upLog;
  }

  /** The running shop, started on first call. */
  public static synchronized RunningShop get() {
    if (startFailure != null) {
      throw new IllegalStateException("the shop failed to start earlier in this run",
          startFailure);
    }
    if (shop == null) {
      try {
        shop = start();
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return shop;
  }

  private static RunningShop start() {
    Path home = Path.of(System.getProperty("eventshop.home", "..")).toAbsolutePath().normalize();
    Path workDir = Path.of(System.getProperty("eventshop.e2e.dir", "target/shop"));
    Path dataDir = workDir.resolve("data");
    Path upLog = workDir.resolve("up.log");
    try {
      deleteRecursively(dataDir);
      Files.createDirectories(workDir);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", launcherClasspath(home), "-Deventshop.home=" + home,
          "io.eventshop.launcher.Main", "up", "--data-dir", dataDir.toString(),
          "--kafka-port", port(), "--controller-port", port(), "--broker-heap", "512m",
          "--health-timeout", Long.toString(READY_TIMEOUT.toSeconds())));
      for (String service : SERVICES) {
        command.add("--port");
        command.add(service + "=" + port());
      }
      Process process = new ProcessBuilder(command).directory(home.toFile())
          .redirectErrorStream(true).redirectOutput(upLog.toFile()).start();
      RunningShop started = new RunningShop(process, dataDir, upLog);
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "shop-stop"));
      started.awaitReady();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the shop", e);
    }
  }

  private static String launcherClasspath(Path home) throws IOException {
    Path jar = home.resolve("launcher/target/launcher.jar");
    Path classpath = home.resolve("launcher/target/classes/eventshop/runtime-classpath.txt");
    return jar + ":" + Files.readString(classpath).trim();
  }

  private static String port() {
    return Integer.toString(SharedKafka.freePort());
  }

  private void awaitReady() throws IOException {
    try {
      Awaitility.await("./eventshop up prints ready").atMost(READY_TIMEOUT)
          .pollInterval(Duration.ofMillis(250))
          .until(() -> readyLinePrinted() || !launcher.isAlive());
    } catch (ConditionTimeoutException e) {
      // reported below with the launcher's output
    }
    if (!readyLinePrinted()) {
      String log = Files.exists(upLog) ? Files.readString(upLog) : "(no output)";
      stop();
      throw new IllegalStateException("./eventshop up did not reach ready; its output:\n" + log);
    }
  }

  private boolean readyLinePrinted() throws IOException {
    return Files.exists(upLog)
        && Files.readAllLines(upLog).stream().anyMatch(line -> line.strip().equals("ready"));
  }

  /** Stops the shop as Ctrl-C would and waits for every process to end. */
  public void stop() {
    if (launcher.isAlive()) {
      launcher.destroy();
      try {
        if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
          launcher.descendants().forEach(ProcessHandle::destroyForcibly);
          launcher.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Components of the run as {@code run.json} lists them: name → (url, pid). */
  public Map<String, JsonNode> components() {
    try {
      JsonNode run = new ObjectMapper().readTree(dataDir.resolve("run.json").toFile());
      Map<String, JsonNode> components = new LinkedHashMap<>();
      run.get("components").forEach(c -> components.put(c.get("name").asText(), c));
      return components;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL of a component, e.g. {@code http://127.0.0.1:41234}. */
  public Optional<String> url(String component) {
    return Optional.ofNullable(components().get(component)).map(c -> c.get("url").asText());
  }

  public String bootstrapServers() {
    return url("kafka").orElseThrow();
  }

  public String registryUrl() {
    return url("schema-registry").orElseThrow();
  }

  /** The pid of a component's process, as the launcher knows it now. */
  public long pid(String component) {
    return components().get(component).get("pid").asLong();
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The data directory of the shop if one was started in this run (without starting one). */
  static synchronized Optional<Path> startedDataDir() {
    return Optional.ofNullable(shop).map(RunningShop::dataDir);
  }

  /** The launcher's console output so far. */
  public String output() {
    try {
      return Files.readString(upLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
