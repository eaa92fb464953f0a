package io.eventshop.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** A Confluent-compatible schema registry for Avro, stored in a compacted Kafka topic. */
@SpringBootApplication
@EnableConfigurationProperties(RegistryProperties.class)
public class SchemaRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchemaRegistryApplication.class, args);
  }
}
