package io.eventshop.testing;

import io.eventshop.launcher.broker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Kafka broker (KRaft, the launcher's own broker code) for every test of a JVM: started
 * on first use on free ports with a temporary data directory, stopped when the JVM exits.
 *
 * <p>Tests share it, so each test uses topic names, group ids and application ids of its own.
 */
public final class SharedKafka {

  private static KafkaBroker broker;

  private SharedKafka() {
  }

  /** The bootstrap servers of the shared broker, starting it on first call. */
  public static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = start();
    }
    return broker.bootstrapServers();
  }

  private static KafkaBroker start() {
    try {
      Path dataDir = Files.createTempDirectory("eventshop-test-kafka");
      KafkaBroker.Settings settings = new KafkaBroker.Settings(dataDir, "127.0.0.1", freePort(),
          freePort(), KafkaBroker.buildClasspath(), dataDir.resolve("kafka.log"), "512m");
      KafkaBroker started = KafkaBroker.start(settings, Duration.ofSeconds(90));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        deleteRecursively(dataDir);
      }, "shared-kafka-stop"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the shared test broker", e);
    }
  }

  /** A port free at the time of the call. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temp directory left behind is harmless
    }
  }
}
