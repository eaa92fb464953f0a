package io.eventshop.platform.kafka;

import io.eventshop.platform.EventshopProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Every Kafka client configuration of a service, built from the one {@link EventshopProperties}:
 * producers, consumers, admin clients and Kafka Streams all get the same bootstrap servers and the
 * entries of {@code eventshop.kafka.client-properties-file} (which win over the defaults here), so
 * SASL/SSL reach a service without code changes.
 *
 * <p>Defaults chosen for the shop's guarantees: producers are idempotent with {@code acks=all};
 * consumers read committed records only. Kafka Streams settings are built on these by the
 * platform's Streams part ({@code StreamsSettings}).
 */
public final class KafkaClients {

  /**
   * The retry back-off of transactional producers (ms). A transaction begun right after a commit
   * often meets the broker still writing the previous one's markers and is told
   * CONCURRENT_TRANSACTIONS; with Kafka's 100 ms default each exactly-once hop then waits ~20 ms on
   * average (measured: {@code sendOffsetsToTransaction} of the stock writer). Retries still back
   * off exponentially up to {@code retry.backoff.max.ms}; a client-properties entry wins.
   */
  public static final int TRANSACTIONAL_RETRY_BACKOFF_MS = 5;

  private final EventshopProperties properties;
  private final String applicationId;
  private final Map<String, String> clientProperties;

  /**
   * @param properties    the platform settings
   * @param applicationId {@code spring.application.name}: Streams application id, client id prefix
   * @throws IllegalArgumentException if the client properties file cannot be read (the message
   *                                  names {@code eventshop.kafka.client-properties-file})
   */
  public KafkaClients(EventshopProperties properties, String applicationId) {
    this.properties = Objects.requireNonNull(properties, "properties");
    if (applicationId == null || applicationId.isBlank()) {
      throw new IllegalArgumentException(
          "spring.application.name must be set: it is the Kafka Streams application id");
    }
    this.applicationId = applicationId;
    this.clientProperties = readClientProperties(properties.kafka().clientPropertiesFile());
  }

  /** The application id ({@code spring.application.name}). */
  public String applicationId() {
    return applicationId;
  }

  /** A client id unique to this instance: {@code <application>-<instance>-<purpose>}. */
  public String clientId(String purpose) {
    return applicationId + "-" + properties.instanceId() + "-" + purpose;
  }

  /** Settings for an admin client. */
  public Map<String, Object> admin() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId("admin"));
    return withClientProperties(config);
  }

  /** Settings for an idempotent producer that answers only after every in-sync replica has it. */
  public Map<String, Object> producer(String purpose) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(purpose));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return withClientProperties(config);
  }

  /**
   * Settings for a transactional producer; {@code transactionalId} must be stable across restarts
   * of the same logical writer so that a new instance fences the old one (zombie fencing).
   */
  public Map<String, Object> transactionalProducer(String purpose, String transactionalId) {
    Map<String, Object> config = producer(purpose);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, transactionalRetryBackoff());
    return config;
  }

  /**
   * Settings for a consumer of group {@code groupId} that sees committed records only, starts
   * from the earliest record of a new group and commits offsets itself (no auto-commit).
   */
  public Map<String, Object> consumer(String groupId) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(groupId));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return withClientProperties(config);
  }

  /**
   * The retry back-off for transactional producers: {@value #TRANSACTIONAL_RETRY_BACKOFF_MS} ms
   * unless the client properties file sets {@code retry.backoff.ms}.
   */
  public Object transactionalRetryBackoff() {
    return clientProperties.containsKey(ProducerConfig.RETRY_BACKOFF_MS_CONFIG)
        ? clientProperties.get(ProducerConfig.RETRY_BACKOFF_MS_CONFIG)
        : TRANSACTIONAL_RETRY_BACKOFF_MS;
  }

  /**
   * {@code config} with the entries of the client properties file added (they win): for clients
   * built elsewhere from these settings, such as Kafka Streams.
   */
  public Map<String, Object> withClientProperties(Map<String, Object> config) {
    config.putAll(clientProperties);
    return config;
  }

  private static Map<String, String> readClientProperties(Path file) {
    if (file == null) {
      return Map.of();
    }
    Properties loaded = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      loaded.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "eventshop.kafka.client-properties-file: cannot read " + file + " (" + e + ")", e);
    }
    Map<String, String> entries = new LinkedHashMap<>();
    loaded.stringPropertyNames().forEach(name -> entries.put(name, loaded.getProperty(name)));
    return Map.copyOf(entries);
  }
}
