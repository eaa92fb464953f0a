package io.eventshop.registry;

import io.eventshop.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the registry can be told, with its defaults.
 *
 * @param kafka          where the storage topic lives
 * @param schemaRegistry the storage topic and how long a write may take
 */
@ConfigurationProperties("eventshop")
public record RegistryProperties(@DefaultValue Kafka kafka,
                                 @DefaultValue SchemaRegistry schemaRegistry) {

  /**
   * @param bootstrapServers     the Kafka cluster
   * @param clientPropertiesFile optional SASL/SSL client properties merged into every client
   */
  public record Kafka(@DefaultValue("127.0.0.1:9092") String bootstrapServers,
                      Path clientPropertiesFile) {

    /** The properties every Kafka client of the registry starts from. */
    public Map<String, Object> clientProperties() {
      Map<String, Object> properties = new HashMap<>();
      if (clientPropertiesFile != null) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(clientPropertiesFile)) {
          file.load(reader);
        } catch (IOException e) {
          throw new IllegalArgumentException("eventshop.kafka.client-properties-file: cannot read "
              + clientPropertiesFile + ": " + e.getMessage(), e);
        }
        file.forEach((key, value) -> properties.put(key.toString(), value));
      }
      properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, "schema-registry");
      return properties;
    }
  }

  /**
   * @param topic        the compacted storage topic ({@code _schemas})
   * @param writerId     the {@code transactional.id} all instances on this topic share, which
   *                     makes them a single writer; derived from the topic when not set
   * @param writeTimeout how long a write may wait for Kafka before answering 50002
   */
  public record SchemaRegistry(String topic, String writerId,
                               @DefaultValue("10s") Duration writeTimeout) {

    public SchemaRegistry {
      topic = topic == null || topic.isBlank() ? Topics.SCHEMAS.name() : topic;
      writerId = writerId == null || writerId.isBlank() ? defaultWriterId(topic) : writerId;
      if (writeTimeout.isNegative() || writeTimeout.isZero()) {
        throw new IllegalArgumentException("eventshop.schema-registry.write-timeout must be"
            + " positive, got " + writeTimeout);
      }
    }

    /** {@code schema-registry-writer}, suffixed with the topic when it is not the default one. */
    private static String defaultWriterId(String topic) {
      return topic.equals(Topics.SCHEMAS.name()) ? "schema-registry-writer"
          : "schema-registry-writer-" + topic;
    }
  }
}
