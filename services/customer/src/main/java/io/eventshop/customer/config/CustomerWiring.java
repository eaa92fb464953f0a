package io.eventshop.customer.config;

import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerEvent;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.customer.CustomerAccounts;
import io.eventshop.customer.kafka.CustomerView;
import io.eventshop.customer.kafka.CustomerWriter;
import io.eventshop.customer.streams.ValidationTopology;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import java.time.Clock;
import org.apache.kafka.streams.Topology;
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

  /** The customer and fraud checks; the platform runs it as this service's Kafka Streams app. */
  @Bean
  Topology orderChecks(ValueSerdes serdes, CustomerSettings settings) {
    return ValidationTopology.build(new ValidationTopology.TopicSerdes(serdes.of(OrderEvent.class),
        serdes.of(Customer.class), serdes.of(OrderValidation.class)), settings.fraud().policy());
  }

  @Bean(destroyMethod = "close")
  CustomerWriter customerWriter(KafkaClients clients, ValueSerdes serdes,
                                CustomerSettings settings) {
    // One transactional id per instance, stable across restarts: a restarted instance fences
    // its predecessor's unfinished transaction.
    return new CustomerWriter(
        clients.transactionalProducer("writer", clients.clientId("customer-writer")),
        serdes.of(CustomerEvent.class), serdes.of(Customer.class), settings.writeTimeout());
  }

  @Bean
  CustomerView customerView(KafkaClients clients, ValueSerdes serdes) {
    return new CustomerView(clients, serdes.of(Customer.class));
  }

  @Bean
  CustomerAccounts customerAccounts(CustomerView view, CustomerWriter writer,
                                    CustomerSettings settings) {
    return new CustomerAccounts(view, writer, settings.writeTimeout());
  }

  /** {@code customerView} in /actuator/health: DOWN until the view has read {@code customers}. */
  @Bean
  HealthIndicator customerViewHealthIndicator(CustomerView view) {
    return () -> (view.caughtUp() ? Health.up() : Health.down())
        .withDetail("caughtUp", view.caughtUp()).build();
  }
}
