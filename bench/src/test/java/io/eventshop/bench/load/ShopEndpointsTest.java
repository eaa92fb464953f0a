package io.eventshop.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopEndpointsTest {

  @Test
  void readsUrlsPidsAndBootstrapFromRunJson(@TempDir Path dataDir) throws Exception {
    Files.writeString(dataDir.resolve("run.json"), """
        {"launcherPid":100,"components":[
          {"name":"kafka","kind":"kafka","url":"127.0.0.1:19092","pid":101},
          {"name":"order","kind":"service","url":"http://127.0.0.1:18140","pid":102},
          {"name":"gateway","kind":"gateway","url":"http://127.0.0.1:18080/","pid":103}]}
        """);

    ShopEndpoints shop = ShopEndpoints.fromRunFile(dataDir);

    assertThat(shop.bootstrapServers()).isEqualTo("127.0.0.1:19092");
    assertThat(shop.pids()).containsEntry("kafka", 101L).containsEntry("launcher", 100L)
        .containsEntry("gateway", 103L);
    assertThat(shop.baseFor("/api/orders", false)).isEqualTo("http://127.0.0.1:18080");
    assertThat(shop.baseFor("/api/orders/x?waitFor=FINAL", true))
        .isEqualTo("http://127.0.0.1:18140");
  }

  @Test
  void routesDirectCallsToTheServiceOwningThePath() {
    assertThat(ShopEndpoints.ownerOf("/api/products")).isEqualTo("product");
    assertThat(ShopEndpoints.ownerOf("/api/stock/A-1/receipts")).isEqualTo("stock");
    assertThat(ShopEndpoints.ownerOf("/api/customers/c1/orders")).isEqualTo("order");
    assertThat(ShopEndpoints.ownerOf("/api/customers")).isEqualTo("customer");
  }

  @Test
  void sendsTrafficOnlyToTheLoopbackAddress() {
    assertThatThrownBy(() -> ShopEndpoints.gatewayOnly("http://10.0.0.5:8080", null))
        .hasMessageContaining("only to 127.0.0.1");
    assertThatThrownBy(() -> new ShopEndpoints(Map.of(), "kafka.example.org:9092", Map.of()))
        .hasMessageContaining("only to 127.0.0.1");
    assertThatThrownBy(() -> new ShopEndpoints(
        Map.of("postgres", "jdbc:postgresql://db.example.org:5432/crm"), null, Map.of()))
        .hasMessageContaining("only to 127.0.0.1");
  }

  @Test
  void takesTheLocalDatabaseOfTheRunByItsJdbcUrl() {
    ShopEndpoints endpoints = new ShopEndpoints(
        Map.of("postgres", "jdbc:postgresql://127.0.0.1:15432/postgres"), null, Map.of());

    assertThat(endpoints.urls()).containsKey("postgres");
  }

  @Test
  void saysWhatIsMissingWithoutARunFile(@TempDir Path dataDir) {
    assertThatThrownBy(() -> ShopEndpoints.fromRunFile(dataDir))
        .hasMessageContaining("run.json").hasMessageContaining("./eventshop up");
  }
}
