package io.eventshop.lake;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The lake service: read-only SQL over the lake's Iceberg tables. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LakeApplication {

  public static void main(String[] args) {
    SpringApplication.run(LakeApplication.class, args);
  }
}
