package io.eventshop.analytics.config;

import io.eventshop.analytics.streams.AnalyticsTopology;
import io.eventshop.platform.kafka.ValueSerdes;
import org.apache.kafka.streams.Topology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the analytics service: its topology, run by the platform. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

  /** The platform runs it as the service's Kafka Streams application (exactly-once). */
  @Bean
  Topology analyticsTopology(ValueSerdes serdes, AnalyticsSettings settings) {
    return AnalyticsTopology.build(serdes::of, settings);
  }
}
