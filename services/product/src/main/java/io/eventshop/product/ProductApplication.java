package io.eventshop.product;

import io.eventshop.contracts.product.Product;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.platform.streams.InteractiveQueries;
import io.eventshop.product.kafka.ProductWriter;
import io.eventshop.product.streams.CatalogueView;
import io.eventshop.product.streams.ProductTopology;
import java.time.Clock;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The product service: the catalogue, stored in the compacted {@code products} topic. */
@SpringBootApplication
@EnableConfigurationProperties(ProductSettings.class)
public class ProductApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProductApplication.class, args);
  }

  @Bean
  Topology topology(ValueSerdes serdes) {
    return ProductTopology.build(serdes.of(Product.class));
  }

  @Bean
  CatalogueView catalogueView(InteractiveQueries queries) {
    return new CatalogueView(queries);
  }

  @Bean(destroyMethod = "close")
  ProductWriter productWriter(KafkaClients clients, ValueSerdes serdes, ProductSettings settings) {
    return new ProductWriter(clients, serdes, settings.writeTimeout());
  }

  @Bean
  ProductService productService(CatalogueView view, ProductWriter writer) {
    return new ProductService(view, writer, Clock.systemUTC());
  }
}
