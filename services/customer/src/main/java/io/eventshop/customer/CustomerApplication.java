package io.eventshop.customer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The customer service: owns customers (REST, {@code customer-events}, {@code customers}) and runs
 * the customer and fraud checks of orders (Kafka Streams, {@code order-validations}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomerApplication {

  public static void main(String[] args) {
    SpringApplication.run(CustomerApplication.class, args);
  }
}
