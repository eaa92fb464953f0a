package io.eventshop.stock.config;

import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.stock.keeping.StockSerdes;
import io.eventshop.stock.keeping.StockWriter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the stock writer: its serdes, its Kafka clients and its health. */
@Configuration(proxyBeanMethods = false)
public class StockConfiguration {

  /**
   * Serdes over the registry at {@code eventshop.schema-registry.url}, or over a
   * {@link SchemaRegistryClient} bean if one is registered (tests without the registry service).
   */
  @Bean
  StockSerdes stockSerdes(EventshopProperties properties,
                          ObjectProvider<SchemaRegistryClient> registryClient) {
    EventshopProperties.SchemaRegistry registry = properties.schemaRegistry();
    return new StockSerdes(new SerdeConfig(registry.url(), registry.autoRegister(), false),
        registryClient.getIfAvailable(() -> new CachedSchemaRegistryClient(registry.url())));
  }

  @Bean
  StockWriter stockWriter(KafkaClients clients, StockSettings settings, StockSerdes serdes) {
    return new StockWriter(clients, settings, serdes, Clock.systemUTC());
  }

  /** {@code stockWriter} in {@code /actuator/health}: UP only while the writer runs. */
  @Bean
  HealthIndicator stockWriterHealth(StockWriter writer) {
    return () -> (writer.status() == StockWriter.Status.RUNNING ? Health.up() : Health.down())
        .withDetail("status", writer.status().name()).build();
  }
}
