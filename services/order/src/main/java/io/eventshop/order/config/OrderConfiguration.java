package io.eventshop.order.config;

import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.product.Product;
import io.eventshop.order.api.OrderUpdates;
import io.eventshop.order.domain.OrderDecider;
import io.eventshop.order.streams.OrderSerdes;
import io.eventshop.order.streams.OrderTopology;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the order service: the rules, the aggregator topology and the writer of placements. */
@Configuration(proxyBeanMethods = false)
public class OrderConfiguration {

  @Bean
  OrderDecider orderDecider(OrderSettings settings) {
    return new OrderDecider(settings.validationTimeout());
  }

  @Bean
  OrderSerdes orderSerdes(ValueSerdes serdes) {
    return new OrderSerdes(serdes.of(OrderEvent.class), serdes.of(OrderValidation.class),
        serdes.of(Product.class));
  }

  @Bean
  OrderUpdates orderUpdates() {
    return new OrderUpdates();
  }

  /** The platform runs it as the service's Kafka Streams application. */
  @Bean
  Topology orderTopology(OrderDecider decider, OrderSettings settings, OrderSerdes serdes,
                         OrderUpdates updates) {
    return OrderTopology.build(decider, settings.timeoutCheck(), serdes, updates);
  }

  /**
   * Writes placements and cancellations to {@code orders}: idempotent, {@code acks=all} (platform
   * defaults), sent without lingering since a placement is latency-bound, not batch-bound.
   */
  @Bean
  Producer<String, OrderEvent> orderProducer(KafkaClients clients, OrderSerdes serdes) {
    Map<String, Object> config = clients.producer("orders");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return new KafkaProducer<>(config, new StringSerializer(), serdes.orderEvents().serializer());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
