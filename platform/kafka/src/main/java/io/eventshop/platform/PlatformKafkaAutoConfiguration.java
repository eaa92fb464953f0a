package io.eventshop.platform;

import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What every component that talks to Kafka gets on its classpath: {@link EventshopProperties},
 * {@link KafkaClients} (the one place that builds Kafka client settings), {@link DeadLetters} and
 * {@link ValueSerdes}
 * over one {@link SchemaRegistryClient} (replace that bean to use another registry client, e.g.
 * an in-memory one in tests). Nothing here needs a web server.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventshopProperties.class)
public class PlatformKafkaAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  KafkaClients kafkaClients(EventshopProperties properties, Environment environment) {
    return new KafkaClients(properties, environment.getProperty("spring.application.name"));
  }

  /** Dead letters for plain consumers and {@code TopicTail}s; its producer starts on first use. */
  @Bean
  @ConditionalOnMissingBean
  DeadLetters deadLetters(KafkaClients clients) {
    return new DeadLetters(clients);
  }

  @Bean
  @ConditionalOnMissingBean
  SchemaRegistryClient schemaRegistryClient(EventshopProperties properties) {
    return new CachedSchemaRegistryClient(properties.schemaRegistry().url());
  }

  @Bean
  @ConditionalOnMissingBean
  ValueSerdes valueSerdes(EventshopProperties properties, SchemaRegistryClient registry) {
    return new ValueSerdes(properties, registry);
  }
}
