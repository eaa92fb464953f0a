package io.eventshop.customer.config;

import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerEvent;
import io.eventshop.contracts.customer.LegacyAddress;
import io.eventshop.contracts.customer.LegacyCustomer;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.customer.CustomerAccounts;
import io.eventshop.customer.kafka.CustomerView;
import io.eventshop.customer.kafka.CustomerWriter;
import io.eventshop.customer.legacy.CrmJoin;
import io.eventshop.customer.legacy.LegacyCustomerMapping;
import io.eventshop.customer.legacy.LegacyCustomerSync;
import io.eventshop.customer.streams.ValidationTopology;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
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

  /**
   * The service's Kafka Streams app, which the platform runs: the join of the CRM's captured
   * tables, and the customer and fraud checks of orders.
   */
  @Bean
  Topology customerTopology(ValueSerdes serdes, CustomerSettings settings) {
    StreamsBuilder builder = new StreamsBuilder();
    CrmJoin.addTo(builder, serdes.foreignRecords(), serdes.of(LegacyCustomer.class),
        serdes.of(LegacyAddress.class));
    return ValidationTopology.addTo(builder.build(), new ValidationTopology.TopicSerdes(
        serdes.of(OrderEvent.class), serdes.of(Customer.class), serdes.of(OrderValidation.class)),
        settings.fraud().policy());
  }

  /** Takes the CRM's customers over, as the REST API would register and change them. */
  @Bean
  LegacyCustomerSync legacyCustomerSync(KafkaClients clients, DeadLetters deadLetters,
                                        CustomerAccounts accounts, ValueSerdes serdes,
                                        CustomerSettings settings, Clock clock) {
    return new LegacyCustomerSync(clients, deadLetters, accounts,
        new LegacyCustomerMapping(settings.legacy().creditLimit()),
        serdes.of(LegacyCustomer.class), clock);
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
