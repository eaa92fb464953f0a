package io.eventshop.product.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.product.ProductApplication;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The product service in-process against the real broker; the registry is in memory. */
class ProductServiceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** One registry for every instance started here, as a real registry would be. */
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static Admin admin;
  private static ConfigurableApplicationContext service;
  private static String baseUrl;

  @BeforeAll
  static void startTheService() throws Exception {
    admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()));
    SharedKafka.createTopics(List.of(Topics.PRODUCTS, Topics.deadLetterOf(Topics.PRODUCTS)));
    service = start();
    baseUrl = InProcessService.baseUrl(service);
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.close();
    }
    admin.close();
  }

  @Test
  void aCreatedProductIsReadableAtItsLocationRightAway() throws Exception {
    String sku = newSku();

    HttpResponse<String> created = post("/api/products", product(sku, "Mug", "kitchen", "12.5"));

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/products/" + sku);
    HttpResponse<String> read = get("/api/products/" + sku);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(read.body());
    assertThat(body.path("name").asString()).isEqualTo("Mug");
    assertThat(body.path("price").decimalValue()).isEqualByComparingTo("12.50");
    assertThat(body.path("currency").asString()).isEqualTo("CHF");
  }

  @Test
  void theProductIsWrittenToTheProductsTopicInTheConfluentWireFormat() throws Exception {
    String sku = newSku();
    post("/api/products", product(sku, "Teapot", "kitchen", "39.90"));

    ConsumerRecord<String, byte[]> record = recordsOfProducts().stream()
        .filter(r -> r.key().equals(sku)).findFirst().orElseThrow();

    ByteBuffer bytes = ByteBuffer.wrap(record.value());
    assertThat(bytes.get()).isEqualTo((byte) 0);
    int schemaId = bytes.getInt();
    assertThat(REGISTRY.getById(schemaId)).isEqualTo(Product.getClassSchema());
    AvroSerde<Product> serde = service.getBean(ValueSerdes.class).of(Product.class);
    Product product = serde.deserializer().deserialize(Topics.PRODUCTS.name(), record.value());
    assertThat(product.getName()).isEqualTo("Teapot");
    assertThat(product.getPrice()).isEqualTo(new BigDecimal("39.90"));
  }

  @Test
  void aSecondCreateOfTheSameSkuIsAConflictAndWritesNothing() throws Exception {
    String sku = newSku();
    assertThat(post("/api/products", product(sku, "Mug", "kitchen", "12.50")).statusCode())
        .isEqualTo(201);
    long before = recordsInProducts();

    HttpResponse<String> again = post("/api/products", product(sku, "Other", "kitchen", "1.00"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("id").asString()).isEqualTo(sku);
    assertThat(recordsInProducts()).isEqualTo(before);
    assertThat(JSON.readTree(get("/api/products/" + sku).body()).path("name").asString())
        .isEqualTo("Mug");
  }

  @Test
  void aChangeReplacesTheProductAndAnUnknownSkuIs404() throws Exception {
    String sku = newSku();
    post("/api/products", product(sku, "Mug", "kitchen", "12.50"));

    HttpResponse<String> changed = put("/api/products/" + sku,
        "{\"name\":\"Big mug\",\"description\":\"5 dl\",\"category\":\"kitchen\",\"price\":14}");

    assertThat(changed.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(get("/api/products/" + sku).body());
    assertThat(body.path("name").asString()).isEqualTo("Big mug");
    assertThat(body.path("price").decimalValue()).isEqualByComparingTo("14.00");
    HttpResponse<String> unknown = put("/api/products/NO-SUCH-" + sku,
        "{\"name\":\"x\",\"category\":\"y\",\"price\":1}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(get("/api/products/NO-SUCH-" + sku).statusCode()).isEqualTo(404);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndNothingIsWritten() throws Exception {
    long before = recordsInProducts();
    String sku = newSku();

    assertBadRequest(post("/api/products", product("lower-case", "Mug", "kitchen", "1.00")),
        "sku");
    assertBadRequest(post("/api/products", product(sku, "Mug", "kitchen", "0")), "price");
    assertBadRequest(post("/api/products", product(sku, "Mug", "kitchen", "-3")), "price");
    assertBadRequest(post("/api/products", product(sku, "Mug", "kitchen", "1.005")), "price");
    assertBadRequest(post("/api/products", product(sku, "", "kitchen", "1.00")), "name");
    assertBadRequest(post("/api/products",
        "{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"price\":2}"), "category");
    assertBadRequest(post("/api/products",
        "{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"category\":\"k\",\"price\":2,\"colour\":1}"),
        "colour");
    assertBadRequest(post("/api/products",
        "{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"category\":\"k\",\"price\":\"cheap\"}"),
        "price");
    assertBadRequest(put("/api/products/" + sku,
        "{\"sku\":\"" + sku + "\",\"name\":\"Mug\",\"category\":\"k\",\"price\":2}"), "sku");
    assertBadRequest(put("/api/products/bad%20sku",
        "{\"name\":\"Mug\",\"category\":\"k\",\"price\":2}"), "sku");
    assertBadRequest(get("/api/products?size=1000"), "size");
    assertThat(post("/api/products", "{\"sku\":").statusCode()).isEqualTo(400);
    assertThat(post("/api/products", product(sku, "x".repeat(70_000), "k", "1.00")).statusCode())
        .isEqualTo(413);

    assertThat(recordsInProducts()).isEqualTo(before);
    assertThat(get("/api/products/" + sku).statusCode()).isEqualTo(404);
  }

  @Test
  void theListIsPagedSortedBySkuAndFilteredByTextAndCategory() throws Exception {
    String prefix = "LST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String category = "cat-" + prefix;
    for (String suffix : List.of("-C", "-A", "-B")) {
      post("/api/products", product(prefix + suffix, "Lamp " + prefix + suffix, category, "20"));
    }
    post("/api/products", product(prefix + "-D", "Chair " + prefix, category + "-other", "20"));

    JsonNode firstPage = JSON.readTree(
        get("/api/products?category=" + category + "&size=2&page=0").body());
    JsonNode secondPage = JSON.readTree(
        get("/api/products?category=" + category + "&size=2&page=1").body());
    JsonNode search = JSON.readTree(get("/api/products?q=chair%20" + prefix.toLowerCase()).body());

    assertThat(skus(firstPage)).containsExactly(prefix + "-A", prefix + "-B");
    assertThat(skus(secondPage)).containsExactly(prefix + "-C");
    assertThat(firstPage.path("totalItems").asInt()).isEqualTo(3);
    assertThat(firstPage.path("totalPages").asInt()).isEqualTo(2);
    assertThat(skus(search)).containsExactly(prefix + "-D");
  }

  @Test
  void aFreshInstanceRebuildsTheCatalogueFromTheTopic() throws Exception {
    String sku = newSku();
    post("/api/products", product(sku, "Kettle", "kitchen", "49.00"));

    ConfigurableApplicationContext fresh = start();
    try {
      String freshUrl = InProcessService.baseUrl(fresh);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(send(HttpRequest.newBuilder(URI.create(freshUrl + "/api/products/" + sku))
              .GET().build()).statusCode()).isEqualTo(200));
    } finally {
      fresh.close();
    }
  }

  @Test
  void healthShowsKafkaStreamsRunning() throws Exception {
    JsonNode health = JSON.readTree(get("/actuator/health").body());

    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.path("components").path("kafkaStreams").path("details").path("state")
        .asString()).isEqualTo("RUNNING");
  }

  private static ConfigurableApplicationContext start() throws Exception {
    ConfigurableApplicationContext started = InProcessService.start(
        new SpringApplicationBuilder(ProductApplication.class), "product-it");
    String url = InProcessService.baseUrl(started);
    await().atMost(Duration.ofSeconds(60)).until(() -> send(HttpRequest.newBuilder(
        URI.create(url + "/actuator/health")).GET().build()).statusCode() == 200);
    return started;
  }

  private static void assertBadRequest(HttpResponse<String> response, String field)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("errors").findValuesAsString("field")).as(response.body())
        .contains(field);
    assertThat(body.path("detail").asString()).contains(field);
  }

  private static List<String> skus(JsonNode page) {
    List<String> skus = new ArrayList<>();
    page.path("items").forEach(item -> skus.add(item.path("sku").asString()));
    return skus;
  }

  private static String newSku() {
    return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static String product(String sku, String name, String category, String price) {
    return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"description\":\"\","
        + "\"category\":\"" + category + "\",\"price\":" + price + "}";
  }

  private static long recordsInProducts() throws Exception {
    var partitions = admin.describeTopics(List.of(Topics.PRODUCTS.name())).allTopicNames().get()
        .get(Topics.PRODUCTS.name()).partitions().stream()
        .map(p -> new TopicPartition(Topics.PRODUCTS.name(), p.partition()))
        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    return admin.listOffsets(partitions).all().get().values().stream()
        .mapToLong(info -> info.offset()).sum();
  }

  private static List<ConsumerRecord<String, byte[]>> recordsOfProducts() {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", SharedKafka.bootstrapServers(),
        "group.id", "product-it-" + UUID.randomUUID(),
        "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.PRODUCTS.name()));
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        return !records.isEmpty() && consumer.assignment().size() == Topics.PRODUCTS.partitions()
            && consumer.assignment().stream().allMatch(tp ->
            consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp));
      });
      return records;
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> put(String path, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
