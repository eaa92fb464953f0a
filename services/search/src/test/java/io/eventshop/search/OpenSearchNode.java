package io.eventshop.search;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real single-node OpenSearch in a JVM of its own, for the tests of the cluster backend:
 * {@code src/test/opensearch/OpenSearchTestNode.java} run on the classpath that the module's
 * build resolves from {@code src/test/opensearch/pom.xml} into
 * {@code target/opensearch/classpath.txt} (before the integration tests). Its own JVM because
 * OpenSearch brings its own Lucene, Netty and Jackson, which are not the service's.
 *
 * <p>One node for every test of a JVM ({@link #shared}), as the broker is: tests that share it
 * purge the index before they use it. Its data is under {@code target/opensearch/node} (wiped at
 * the start), its log in {@code target/opensearch/node.log}, printed when it does not start. It
 * stops when this JVM ends, however it ends: it watches its standard input, which closes with
 * this JVM, so no node outlives a test run.
 */
public final class OpenSearchNode {

  private static OpenSearchNode shared;

  /** Typically 10–15 s on 2 busy cores (the node's source is compiled at start too). */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Path WORK = Path.of("target", "opensearch");
  private static final Path CLASSPATH = WORK.resolve("classpath.txt");
  private static final Path SOURCE = Path.of("src", "test", "opensearch",
      "OpenSearchTestNode.java");

  private final Process process;
  private final String url;

  private OpenSearchNode(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** The node of this JVM, started on first call; it answers HTTP when this returns. */
  public static synchronized OpenSearchNode shared() {
    if (shared == null) {
      shared = start();
      Process process = shared.process;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process),
          "opensearch-test-node-stop"));
    }
    return shared;
  }

  private static OpenSearchNode start() {
    if (!Files.isRegularFile(CLASSPATH)) {
      throw new IllegalStateException(CLASSPATH.toAbsolutePath() + " is missing: it is written"
          + " by the build before the integration tests (./mvnw verify -pl services/search)");
    }
    Path home = WORK.resolve("node");
    Path portFile = WORK.resolve("node.port");
    Path log = WORK.resolve("node.log");
    long begun = System.nanoTime();
    Process process;
    try {
      deleteRecursively(home);
      Files.deleteIfExists(portFile);
      Files.createDirectories(home);
      List<String> command = List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // OpenSearch's default heap; the client compiler only, which starts faster on 2 cores
          "-Xms1g", "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
          // log4j's default configuration (to standard output), at INFO rather than ERROR
          "-Dorg.apache.logging.log4j.level=INFO",
          "-cp", Files.readString(CLASSPATH).strip(),
          SOURCE.toString(), home.toString(), portFile.toString());
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the OpenSearch test node", e);
    }
    try {
      await("the OpenSearch test node to start (log: " + log.toAbsolutePath() + ")")
          .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> Files.exists(portFile) || !process.isAlive());
    } catch (ConditionTimeoutException e) {
      stop(process);
      throw new IllegalStateException("the OpenSearch test node did not start within "
          + START_TIMEOUT.toSeconds() + " s; its log:\n" + read(log), e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException("the OpenSearch test node ended with exit code "
          + process.exitValue() + " before it started; its log:\n" + read(log));
    }
    try {
      OpenSearchNode node = new OpenSearchNode(process,
          "http://127.0.0.1:" + Files.readString(portFile).strip());
      System.out.printf("OpenSearch test node at %s, started in %.1f s (log: %s)%n", node.url,
          (System.nanoTime() - begun) / 1e9, log.toAbsolutePath());
      return node;
    } catch (IOException e) {
      stop(process);
      throw new UncheckedIOException("could not read the node's port from " + portFile, e);
    }
  }

  /** The node's HTTP base URL, as {@code eventshop.search.url} takes it. */
  public String url() {
    return url;
  }

  private static void stop(Process process) {
    try {
      // Closing its standard input is the node's signal to stop (it closes itself cleanly).
      process.getOutputStream().close();
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(could not read " + log + ": " + e + ")";
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
