package io.eventshop.customer.config;

import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerEvent;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.customer.CustomerAccounts;
import io.eventshop.customer.kafka.CustomerView;
import io.eventshop.customer.kafka.CustomerWriter;
import io.eventshop.customer.streams.ValidationTopology;
import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.kafka.KafkaClients;
import java.time.Clock;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the customer service together: serdes, the checks' topology, the writer and the view. */
@Configuration(proxyBeanMethods = false)
class CustomerWiring {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  @ConditionalOnMissingBean
  SchemaRegistryClient schemaRegistryClient(EventshopProperties properties) {
    return new CachedSchemaRegistryClient(properties.schemaRegistry().url());
  }

  @Bean
  ValueSerdes serdes(EventshopProperties properties, SchemaRegistryClient registry) {
    SerdeConfig config = new SerdeConfig(properties.schemaRegistry().url(),
        properties.schemaRegistry().autoRegister(), false);
    return new ValueSerdes(AvroSerde.forValues(OrderEvent.class, config, registry),
        AvroSerde.forValues(Customer.class, config, registry),
        AvroSerde.forValues(OrderValidation.class, config, registry),
        AvroSerde.forValues(CustomerEvent.class, config, registry));
  }

  /** The value serdes of the topics this service reads or writes. */
  record ValueSerdes(AvroSerde<OrderEvent> orders, AvroSerde<Customer> customers,
                AvroSerde<OrderValidation> validations, AvroSerde<CustomerEvent> customerEvents) {
  }

  /** The customer and fraud checks; the platform runs it as this service's Kafka Streams app. */
  @Bean
  Topology orderChecks(ValueSerdes serdes, CustomerSettings settings) {
    return ValidationTopology.build(new ValidationTopology.TopicSerdes(serdes.orders(),
        serdes.customers(), serdes.validations()), settings.fraud().policy());
  }

  @Bean(destroyMethod = "close")
  CustomerWriter customerWriter(KafkaClients clients, ValueSerdes serdes,
                                CustomerSettings settings) {
    // One transactional id per instance, stable across restarts: a restarted instance fences
    // its predecessor's unfinished transaction.
    return new CustomerWriter(
        clients.transactionalProducer("writer", clients.clientId("customer-writer")),
        serdes.customerEvents(), serdes.customers(), settings.writeTimeout());
  }

  @Bean
  CustomerView customerView(KafkaClients clients, ValueSerdes serdes) {
    return new CustomerView(clients.consumer(clients.clientId("customer-view")),
        serdes.customers());
  }

  @Bean
  CustomerAccounts customerAccounts(CustomerView view, CustomerWriter writer) {
    return new CustomerAccounts(view, writer);
  }

  /** {@code customerView} in /actuator/health: DOWN until the view has read {@code customers}. */
  @Bean
  HealthIndicator customerViewHealthIndicator(CustomerView view) {
    return () -> (view.caughtUp() ? Health.up() : Health.down())
        .withDetail("caughtUp", view.caughtUp()).build();
  }
}
