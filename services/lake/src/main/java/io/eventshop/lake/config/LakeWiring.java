package io.eventshop.lake.config;

import io.eventshop.lake.catalog.LakeCatalog;
import io.eventshop.lake.query.QueryEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lake's catalog and the query engine over it. */
@Configuration(proxyBeanMethods = false)
class LakeWiring {

  @Bean
  LakeCatalog lakeCatalog(LakeSettings settings) {
    return new LakeCatalog(settings.warehouse());
  }

  @Bean
  QueryEngine queryEngine(LakeCatalog lake, LakeSettings settings) {
    return new QueryEngine(lake, settings);
  }
}
