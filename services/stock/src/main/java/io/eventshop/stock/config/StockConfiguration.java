package io.eventshop.stock.config;

import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.stock.keeping.StockSerdes;
import io.eventshop.stock.keeping.StockWriter;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the stock writer: its serdes, its Kafka clients and its health. */
@Configuration(proxyBeanMethods = false)
public class StockConfiguration {

  @Bean
  StockSerdes stockSerdes(ValueSerdes valueSerdes) {
    return new StockSerdes(valueSerdes);
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
