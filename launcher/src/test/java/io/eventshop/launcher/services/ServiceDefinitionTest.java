package io.eventshop.launcher.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDefinitionTest {

  @TempDir
  Path home;

  @Test
  void countsAServiceAsBuiltOnlyWhenItsJarIsExecutable() throws Exception {
    ServiceDefinition product = ServiceCatalogue.byName("product").orElseThrow();
    ServiceDefinition stock = ServiceCatalogue.byName("stock").orElseThrow();
    ServiceDefinition gateway = ServiceCatalogue.byName("gateway").orElseThrow();
    ServiceJars.write(home, product, true);
    ServiceJars.write(home, stock, false);
    ServiceJars.write(home, gateway, true);

    assertThat(ServiceCatalogue.built(home)).containsExactly(product, gateway);
    assertThat(gateway.jar(home)).isEqualTo(home.resolve("gateway/target/gateway.jar"));
    assertThat(product.jar(home)).isEqualTo(home.resolve("services/product/target/product.jar"));
  }

  @Test
  void startsTheSchemaRegistryFirstAndTheGatewayLast() {
    assertThat(ServiceCatalogue.names())
        .containsExactly("schema-registry", "product", "customer", "stock", "order", "gateway");
  }
}
