package io.eventshop.platform;

import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.platform.streams.KafkaStreamsHealthIndicator;
import io.eventshop.platform.streams.StreamsApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What every service gets on its classpath: {@link EventshopProperties}, {@link KafkaClients},
 * {@link ValueSerdes} over one {@link SchemaRegistryClient} (replace that bean to use another
 * registry client, e.g. an in-memory one in tests), and,
 * when the service declares a {@link Topology} bean, its Kafka Streams application
 * ({@link StreamsApp}) with health and interactive queries. Spring Kafka's own factories (for
 * services that use {@code KafkaTemplate} or {@code @KafkaListener}) get the same bootstrap servers
 * and client properties.
 */
@AutoConfiguration
@EnableConfigurationProperties(EventshopProperties.class)
public class PlatformAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  KafkaClients kafkaClients(EventshopProperties properties, Environment environment) {
    return new KafkaClients(properties, environment.getProperty("spring.application.name"));
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

  @Bean
  DefaultKafkaProducerFactoryCustomizer eventshopProducerFactory(KafkaClients clients) {
    return factory -> factory.updateConfigs(clients.producer("spring"));
  }

  @Bean
  DefaultKafkaConsumerFactoryCustomizer eventshopConsumerFactory(KafkaClients clients) {
    return factory -> {
      var config = clients.consumer("spring");
      config.remove(ConsumerConfig.GROUP_ID_CONFIG);
      config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
      factory.updateConfigs(config);
    };
  }

  /** The Kafka Streams application of a service that declares a {@link Topology} bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Topology.class)
  static class StreamsConfiguration {

    @Bean
    StreamsApp streamsApp(Topology topology, KafkaClients clients, EventshopProperties properties,
                          Environment environment, ObjectProvider<MeterRegistry> meterRegistry) {
      return new StreamsApp(topology, clients, properties, environment,
          meterRegistry.getIfAvailable());
    }

    @Bean
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsApp app) {
      return new KafkaStreamsHealthIndicator(app);
    }

    @Bean
    InteractiveQueries interactiveQueries(StreamsApp app) {
      return new InteractiveQueries(app);
    }
  }
}
