package io.eventshop.search.config;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.search.api.QueryAdmission;
import io.eventshop.search.index.SearchIndex;
import io.eventshop.search.kafka.SearchSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the search service together: the index on the configured backend and the sink. */
@Configuration(proxyBeanMethods = false)
class SearchWiring {

  private static final Logger log = LoggerFactory.getLogger(SearchWiring.class);

  @Bean(destroyMethod = "close")
  SearchIndex searchIndex(SearchSettings settings, EventshopProperties platform) {
    SearchIndex index;
    if (settings.cluster()) {
      index = SearchIndex.elasticsearch(settings.url(), settings.username(), settings.password(),
          settings.version());
    } else {
      Path directory = settings.indexDir() != null ? settings.indexDir()
          : platform.stateDir().resolve("search-index");
      index = SearchIndex.lucene(directory);
    }
    log.info("search index: {}", index.description());
    return index;
  }

  @Bean
  QueryAdmission queryAdmission(SearchSettings settings) {
    return new QueryAdmission(settings.concurrentQueriesOrDefault(), settings.queryWait());
  }

  @Bean
  SearchSink searchSink(KafkaClients clients, DeadLetters deadLetters, ValueSerdes serdes,
                        SearchIndex index, MeterRegistry meters) {
    return new SearchSink(clients, deadLetters, serdes, index, meters, Clock.systemUTC());
  }

  /**
   * {@code searchIndex} in /actuator/health: DOWN until the index holds what the topics held at
   * start (a query before that would miss documents), and after an error stopped the sink.
   */
  @Bean
  HealthIndicator searchIndexHealthIndicator(SearchSink sink, SearchIndex index) {
    return () -> (sink.caughtUp() ? Health.up() : Health.down())
        .withDetail("backend", index.description())
        .withDetail("caughtUp", sink.caughtUp())
        .withDetail("failed", sink.failed())
        .build();
  }
}
