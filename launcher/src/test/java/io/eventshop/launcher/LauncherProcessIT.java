package io.eventshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.run.Json;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code eventshop up} as its own process with its own broker: it reaches {@code ready},
 * {@code status --json} sees a healthy broker, and SIGTERM leaves no process behind.
 */
class LauncherProcessIT {

  @TempDir
  Path home;

  private Process launcher;

  @AfterEach
  void killLeftovers() {
    if (launcher != null) {
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
    processesMentioning(home).forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void reachesReadyReportsStatusAndLeavesNoProcessAfterSigterm() throws Exception {
    Path dataDir = home.resolve("data");
    int kafkaPort = KafkaBroker.freePort();
    // nothing but the broker is built in this home: the shop group's services are skipped
    launcher = new ProcessBuilder(launcherCommand("up", "--home", home.toString(), "--data-dir",
        dataDir.toString(), "--only", "shop", "--kafka-port", String.valueOf(kafkaPort),
        "--controller-port", String.valueOf(KafkaBroker.freePort()), "--broker-heap", "256m",
        "--health-timeout", "180"))
        .redirectErrorStream(true)
        .start();
    StringBuffer output = collect(launcher.getInputStream());

    await().atMost(Duration.ofSeconds(240)).until(() -> output.toString().contains("\nready\n")
        || !launcher.isAlive());
    assertThat(output.toString()).contains("starting kafka (KRaft broker and controller) on"
        + " 127.0.0.1:" + kafkaPort, "kafka ready at 127.0.0.1:" + kafkaPort, "topics: created",
        "all 1 components healthy", "\nready\n");

    ByteArrayOutputStream statusOut = new ByteArrayOutputStream();
    int statusExit = withStdout(statusOut, () -> Main.run("status", "--home", home.toString(),
        "--data-dir", dataDir.toString(), "--json"));
    JsonNode components = Json.MAPPER.readTree(statusOut.toString(StandardCharsets.UTF_8))
        .get("components");
    assertThat(components).hasSize(1);
    JsonNode kafka = components.get(0);
    assertThat(statusExit).as(statusOut.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(kafka.get("name").asText()).isEqualTo("kafka");
    assertThat(kafka.get("kind").asText()).isEqualTo("kafka");
    assertThat(kafka.get("url").asText()).isEqualTo("127.0.0.1:" + kafkaPort);
    assertThat(kafka.get("healthy").asBoolean()).isTrue();
    long brokerPid = kafka.get("pid").asLong();

    launcher.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its output

    assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(output.toString()).as("exit %s", launcher.exitValue())
            .contains("stopping kafka", "all stopped"));
    assertThat(ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive)).isNotEqualTo(
        Optional.of(true));
    assertThat(processesMentioning(home)).isEmpty();
    assertThat(Files.exists(dataDir.resolve("run.json"))).isFalse();
  }

  /**
   * Runs the launcher from a copy of its classes: other builds in the same checkout may rewrite
   * {@code target/classes} while the test runs.
   */
  private List<String> launcherCommand(String... args) throws Exception {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path copy = home.resolve("launcher-classes");
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.toList()) {
        Files.copy(file, copy.resolve(classes.relativize(file).toString()));
      }
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", copy + File.pathSeparator + KafkaBroker.buildClasspath(),
        Main.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** What {@code pgrep -f <dir>} would find. */
  private static List<ProcessHandle> processesMentioning(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(line -> line.contains(dir.toString()))
            .orElse(false))
        .toList();
  }

  private static StringBuffer collect(InputStream in) {
    StringBuffer buffer = new StringBuffer();
    Thread reader = new Thread(() -> {
      byte[] chunk = new byte[8192];
      try {
        for (int n; (n = in.read(chunk)) >= 0; ) {
          buffer.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
        }
      } catch (IOException ignored) {
        // the process ended
      }
    }, "launcher-output");
    reader.setDaemon(true);
    reader.start();
    return buffer;
  }

  private static int withStdout(ByteArrayOutputStream target, IntSupplier run) {
    PrintStream original = System.out;
    System.setOut(new PrintStream(target, true, StandardCharsets.UTF_8));
    try {
      return run.getAsInt();
    } finally {
      System.setOut(original);
    }
  }
}
