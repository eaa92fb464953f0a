package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.e2e.EventshopCli.Run;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search service in the running shop: a product created through the gateway is found by a
 * misspelt word within seconds, and {@code ./eventshop search reindex} rebuilds the index from
 * the topics with progress, after which it is found still.
 */
class SearchIT {

  /** Well under a second on a quiet machine; the margin is for a busy CI run. */
  private static final Duration VISIBLE = Duration.ofSeconds(10);

  private static RunningShop shop;
  private static ShopApi api;

  @BeforeAll
  static void start() {
    shop = RunningShop.get();
    api = ShopApi.viaGateway(shop);
  }

  @Test
  void aProductCreatedThroughTheApiIsFoundByAMisspeltWordAndSurvivesAReindex() throws Exception {
    String sku = "SRCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    api.createProduct(sku, "Search", "12.00");
    // ShopApi names it "Product <sku>": the misspelt word is the product's own sku, a typo away.
    String typo = "prodcut " + sku;
    await().atMost(VISIBLE).untilAsserted(() -> assertThat(api.get("/api/search?q="
        + typo.replace(" ", "+")).body().toString()).contains("\"id\":\"" + sku + "\""));

    Run reindex = EventshopCli.run(shop, "search", "reindex", "--every", "PT0.2S");

    assertThat(reindex.exit()).as(reindex.output()).isZero();
    assertThat(reindex.output()).contains("rebuilding the search index", "done",
        "records indexed");
    assertThat(api.get("/api/search?q=" + sku).body().path("total").asInt()).isEqualTo(1);
  }

  @Test
  void theGatewayDoesNotLetShoppersStartARebuild() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(shop.url("gateway").orElseThrow() + "/admin/index/rebuild"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(404);
  }
}
