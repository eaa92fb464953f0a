package io.eventshop.order.api;

import io.eventshop.platform.streams.InteractiveQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's view of the local stores. */
@Configuration(proxyBeanMethods = false)
class OrderApiConfiguration {

  @Bean
  LocalOrders localOrders(InteractiveQueries queries) {
    return new LocalOrders(queries);
  }
}
