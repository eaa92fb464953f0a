package io.eventshop.launcher;

import io.eventshop.launcher.broker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * One real broker for the launcher's integration tests. The launcher cannot use
 * {@code io.eventshop.testing.SharedKafka} (that module depends on this one), so this is the same
 * one-broker-per-JVM holder over the same {@link KafkaBroker#startTemporary(Duration)}.
 */
public final class TestKafka {

  private static KafkaBroker broker;

  private TestKafka() {
  }

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      try {
        broker = KafkaBroker.startTemporary(Duration.ofSeconds(180));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-stop"));
    }
    return broker.bootstrapServers();
  }
}
