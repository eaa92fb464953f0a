package io.eventshop.launcher.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * How to reach a Kafka cluster: its bootstrap servers and, for a secured cluster, a file of client
 * properties (SASL/SSL) that the launcher's admin client uses and every service receives.
 *
 * @param bootstrapServers     {@code host:port[,host:port...]}
 * @param clientPropertiesFile optional client security properties
 */
public record KafkaConnection(String bootstrapServers, Optional<Path> clientPropertiesFile) {

  /** The environment variable that points the launcher at an existing cluster. */
  public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

  public KafkaConnection {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("bootstrap servers must not be empty");
    }
    clientPropertiesFile = clientPropertiesFile.map(Path::toAbsolutePath);
  }

  /**
   * The cluster the user named with {@code --kafka} or, failing that, {@code KAFKA_BOOTSTRAP_SERVERS};
   * empty when the launcher should run a broker of its own.
   */
  public static Optional<String> externalBootstrap(String kafkaOption, Map<String, String> env) {
    if (kafkaOption != null && !kafkaOption.isBlank()) {
      return Optional.of(kafkaOption.trim());
    }
    String fromEnv = env.get(BOOTSTRAP_ENV);
    return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.trim());
  }

  /** An admin client for this cluster that gives up on a request after {@code timeoutMs}. */
  public Admin admin(int timeoutMs) {
    Map<String, Object> config = clientConfig();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    return Admin.create(config);
  }

  /** The settings every client of this cluster starts from: the properties file, then bootstrap. */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>();
    clientPropertiesFile.ifPresent(file -> loadInto(file, config));
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  private static void loadInto(Path file, Map<String, Object> config) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Kafka client properties " + file, e);
    }
    properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
  }
}
