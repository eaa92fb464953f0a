package io.eventshop.sql.config;

import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.sql.engine.CatalogueStore;
import io.eventshop.sql.engine.FlinkEnvironment;
import io.eventshop.sql.engine.RecordPrinter;
import io.eventshop.sql.engine.SourceDdl;
import io.eventshop.sql.engine.SqlEngine;
import io.eventshop.sql.format.RegistryClients;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the sql service together: the Flink environment, the catalogue and the engine. */
@Configuration(proxyBeanMethods = false)
class SqlWiring {

  private static final Logger log = LoggerFactory.getLogger(SqlWiring.class);

  @Bean(destroyMethod = "close")
  FlinkEnvironment flinkEnvironment(SqlSettings settings, EventshopProperties platform,
                                    SchemaRegistryClient registry) throws Exception {
    // The format's tasks in this JVM find the service's registry client under this name.
    RegistryClients.register("default", registry);
    Path stateDir = stateDir(settings, platform);
    long started = System.nanoTime();
    FlinkEnvironment flink = settings.remote()
        ? FlinkEnvironment.remote(stateDir, settings.flink())
        : FlinkEnvironment.local(settings.slots(), stateDir, settings.flink());
    log.info("flink: {} in {} ms", flink.description(), (System.nanoTime() - started) / 1_000_000);
    return flink;
  }

  @Bean(destroyMethod = "close")
  Admin sqlAdmin(KafkaClients clients) {
    return Admin.create(clients.admin());
  }

  @Bean(destroyMethod = "close")
  CatalogueStore catalogueStore(KafkaClients clients) {
    return new CatalogueStore(clients);
  }

  @Bean(destroyMethod = "close")
  SqlEngine sqlEngine(FlinkEnvironment flink, SchemaRegistryClient registry, Admin admin,
                      CatalogueStore store, SqlSettings settings, EventshopProperties platform,
                      KafkaClients clients) {
    Map<String, String> kafka = new LinkedHashMap<>();
    clients.withClientProperties(new LinkedHashMap<>()).forEach((k, v) ->
        kafka.put(k, String.valueOf(v)));
    SourceDdl ddl = new SourceDdl(platform.kafka().bootstrapServers(),
        platform.schemaRegistry().url(), settings.watermarkDelay(), kafka);
    SqlEngine engine = new SqlEngine(flink, registry, admin, store, ddl,
        stateDir(settings, platform).resolve("checkpoints"));
    engine.restore();
    return engine;
  }

  @Bean
  RecordPrinter recordPrinter(KafkaClients clients, SchemaRegistryClient registry) {
    return new RecordPrinter(clients, registry);
  }

  /** {@code flink} in /actuator/health: where the queries run and how many persist. */
  @Bean
  HealthIndicator flinkHealthIndicator(FlinkEnvironment flink, SqlEngine engine) {
    return () -> Health.up().withDetail("flink", flink.description())
        .withDetail("persistentQueries", engine.queries().size()).build();
  }

  private static Path stateDir(SqlSettings settings, EventshopProperties platform) {
    return settings.stateDir() != null ? settings.stateDir()
        : platform.stateDir().resolve("flink");
  }
}
