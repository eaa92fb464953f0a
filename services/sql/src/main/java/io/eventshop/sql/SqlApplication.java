package io.eventshop.sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The streaming SQL service: KSQL's STREAM and TABLE statements translated to Flink SQL and run
 * on one long-running Flink environment, behind a REST API shaped after ksqlDB's.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SqlApplication {

  public static void main(String[] args) {
    SpringApplication.run(SqlApplication.class, args);
  }
}
