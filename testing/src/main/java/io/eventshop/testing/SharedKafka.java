package io.eventshop.testing;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.kafka.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

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

  /**
   * Makes sure the shared broker has {@code topics} as the catalogue declares them (the
   * launcher's own provisioning: a topic another test class created is left as it is).
   */
  public static void createTopics(Collection<TopicSpec> topics) {
    try (Admin admin = Admin.create(Map.<String, Object>of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      new TopicProvisioner(admin).provision(topics);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not create the test topics " + topics, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating test topics", e);
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
