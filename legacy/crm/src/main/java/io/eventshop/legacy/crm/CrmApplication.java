package io.eventshop.legacy.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The legacy CRM: customer pages over plain SQL. Started by the launcher as {@code legacy-crm}
 * with {@code --spring.datasource.url} pointing at the {@code postgres} component.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrmApplication {

  public static void main(String[] args) {
    SpringApplication.run(CrmApplication.class, args);
  }
}
