package io.eventshop.lake.config;

import io.eventshop.lake.catalog.LakeCatalog;
import io.eventshop.lake.query.LakeDatabase;
import io.eventshop.lake.query.QueryEngine;
import io.eventshop.lake.refine.Refiner;
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
  LakeDatabase lakeDatabase(LakeCatalog lake, LakeSettings settings) {
    return new LakeDatabase(lake, settings);
  }

  @Bean
  Refiner refiner(LakeDatabase database) {
    return new Refiner(database);
  }

  @Bean
  QueryEngine queryEngine(LakeDatabase database, LakeSettings settings) {
    return new QueryEngine(database, settings);
  }
}
