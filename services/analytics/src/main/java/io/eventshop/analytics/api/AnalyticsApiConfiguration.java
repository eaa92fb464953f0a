package io.eventshop.analytics.api;

import io.eventshop.platform.streams.InteractiveQueries;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's view of the local stores, and the clock that says what "now" is. */
@Configuration(proxyBeanMethods = false)
class AnalyticsApiConfiguration {

  @Bean
  LocalAnalytics localAnalytics(InteractiveQueries queries) {
    return new LocalAnalytics(queries);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
