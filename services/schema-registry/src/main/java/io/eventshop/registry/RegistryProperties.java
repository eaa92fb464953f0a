package io.eventshop.registry;

import io.eventshop.contracts.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's own settings, under {@code eventshop.schema-registry.*}; how to reach Kafka is
 * the platform's {@code eventshop.kafka.*} ({@code EventshopProperties}).
 *
 * @param topic        the compacted storage topic ({@code _schemas})
 * @param writerId     the {@code transactional.id} all instances on this topic share, which makes
 *                     them a single writer; derived from the topic when not set
 * @param writeTimeout how long a write may wait for Kafka before answering 50002
 */
@ConfigurationProperties("eventshop.schema-registry")
public record RegistryProperties(String topic, String writerId,
                                 @DefaultValue("10s") Duration writeTimeout) {

  public RegistryProperties {
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
