package io.eventshop.registry.store;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.registry.RegistryProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the store: state, the storage topic's reader and writer, the rules, and its health. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

  @Bean(destroyMethod = "close")
  SchemaLog schemaLog(RegistryProperties registry, KafkaClients clients, RegistryState state) {
    TopicSpec spec = Topics.SCHEMAS;
    TopicSpec topic = new TopicSpec(registry.topic(), spec.kind(), spec.keyType(),
        spec.valueType(), spec.partitions(), spec.replicationFactor(), spec.minInsyncReplicas(),
        spec.cleanupPolicy(), spec.retentionMs(), spec.retentionBytes());
    SchemaLog log = new SchemaLog(clients, topic, registry.writerId(), registry.writeTimeout(),
        state);
    log.start();
    return log;
  }

  @Bean
  RegistryState registryState() {
    return new RegistryState();
  }

  @Bean
  SchemaStore schemaStore(RegistryState state, SchemaLog log) {
    return new SchemaStore(state, log);
  }

  /** UP once the storage topic has been read to its end and is followed. */
  @Bean
  HealthIndicator schemaStoreHealth(SchemaStore store) {
    return () -> store.ready() ? Health.up().build()
        : Health.down().withDetail("reason", "storage topic not read").build();
  }
}
