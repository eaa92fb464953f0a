package io.eventshop.platform;

import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.platform.streams.KafkaStreamsHealthIndicator;
import io.eventshop.platform.streams.StreamsApp;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Kafka Streams application of a service that declares a {@link Topology} bean
 * ({@link StreamsApp}, exactly-once), with its health component and interactive queries.
 */
@AutoConfiguration(after = PlatformKafkaAutoConfiguration.class)
@ConditionalOnBean(Topology.class)
public class PlatformStreamsAutoConfiguration {

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
