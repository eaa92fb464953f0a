package io.eventshop.testing;

import io.eventshop.launcher.broker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

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
      KafkaBroker started = KafkaBroker.startTemporary(Duration.ofSeconds(180));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-kafka-stop"));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the shared test broker", e);
    }
  }

  /** A port free at the time of the call. */
  public static int freePort() {
    try {
      return KafkaBroker.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
