package io.eventshop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.analytics.EnrichedOrderState;
import io.eventshop.contracts.customer.Address;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.contracts.stock.StockLevel;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search service against the shared real broker, on one backend a subclass
 * ({@link SearchServiceIT} embedded Lucene, {@link SearchServiceOnOpenSearchIT} a real OpenSearch
 * node): records of {@code products} and {@code stock-levels} are found through
 * {@code GET /api/search} within seconds, customers and enriched orders by their type, changes
 * and tombstones show, poison goes to {@code products.dlq} while the next record is indexed, bad
 * parameters are 400 problems naming them, a restart resumes at the offsets stored with the
 * index, and a rebuild reads every topic again.
 */
@TestMethodOrder(OrderAnnotation.class)
@TestInstance(Lifecycle.PER_CLASS)
abstract class SearchServiceContract {

  /** Start-up of the service (and of the shared broker) on a busy 2-core machine. */
  private static final Duration START = Duration.ofSeconds(180);
  /**
   * A change is searchable a poll after it is written: well under a second unloaded (printed
   * below; the benchmark measures it). The bound is what a loaded 2-core CI machine needs, not a
   * speed this test asserts.
   */
  private static final Duration VISIBLE = Duration.ofSeconds(10);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Random RANDOM = new Random();
  private static final JsonMapper JSON = new JsonMapper();

  private final String application = "search-it-" + UUID.randomUUID();
  private final Path state = InProcessService.freshStateDir("search-it");

  private ConfigurableApplicationContext app;
  private KafkaProducer<String, byte[]> producer;

  /** The service's settings of its index ({@code --eventshop.search.*}); none for Lucene. */
  protected abstract String[] indexSettings();

  @BeforeAll
  void start() {
    SharedKafka.createTopics(Topics.all());
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    app = startApp();
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
    if (producer != null) {
      producer.close();
    }
  }

  @Test
  @Order(1)
  void aProductAndItsStockAreFoundWithinSecondsEvenWithATypo() throws Exception {
    String word = randomWord();
    String sku = "sku-" + UUID.randomUUID();
    send(Topics.STOCK_LEVELS.name(), sku, new StockLevel(sku, 7L, 2L));
    send(Topics.PRODUCTS.name(), sku, product(sku, "Enamel " + word, "12.50"));

    String typo = word.charAt(1) + "" + word.charAt(0) + word.substring(2);
    await().atMost(VISIBLE).untilAsserted(() -> assertThat(get("/api/search?q=" + typo).body())
        .contains("\"id\":\"" + sku + "\"", "\"available\":5", "\"inStock\":true",
            "<em>" + word + "</em>"));
  }

  @Test
  @Order(2)
  void aChangedPriceShowsAndATombstoneRemovesTheHit() throws Exception {
    String word = randomWord();
    String sku = "sku-" + UUID.randomUUID();
    send(Topics.PRODUCTS.name(), sku, product(sku, "Kettle " + word, "49.00"));
    await().atMost(VISIBLE).untilAsserted(() -> assertThat(get("/api/search?q=" + word).body())
        .contains("\"price\":49.00"));

    long sent = System.nanoTime();
    send(Topics.PRODUCTS.name(), sku, product(sku, "Kettle " + word, "39.50"));
    await().atMost(VISIBLE).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
        assertThat(get("/api/search?q=" + word).body())
            .contains("\"price\":39.50").doesNotContain("49.00"));
    System.out.printf("%s: a changed price was searchable %d ms after it was written%n",
        getClass().getSimpleName(), Duration.ofNanos(System.nanoTime() - sent).toMillis());

    send(Topics.PRODUCTS.name(), sku, null);
    await().atMost(VISIBLE).untilAsserted(() -> assertThat(get("/api/search?q=" + word).body())
        .contains("\"total\":0").doesNotContain(sku));
  }

  @Test
  @Order(3)
  void anUndecodableRecordGoesToTheDeadLetterTopicAndTheNextOneIsIndexed() throws Exception {
    String poisonKey = "poison-" + UUID.randomUUID();
    producer.send(new ProducerRecord<>(Topics.PRODUCTS.name(), poisonKey,
        "not avro".getBytes(StandardCharsets.UTF_8))).get();
    String word = randomWord();
    String sku = "sku-" + UUID.randomUUID();
    send(Topics.PRODUCTS.name(), sku, product(sku, "Lamp " + word, "89.90"));

    await().atMost(VISIBLE).untilAsserted(() -> assertThat(get("/api/search?q=" + word).body())
        .contains("\"id\":\"" + sku + "\""));
    await().atMost(WAIT).untilAsserted(() -> {
      List<String> deadLetters = new ArrayList<>();
      TopicTail.readToEnd(consumer(), List.of(Topics.PRODUCTS.deadLetterTopicName()),
          record -> deadLetters.add(record.key()));
      assertThat(deadLetters).contains(poisonKey);
    });
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(3)
  void customersAndEnrichedOrdersAreFoundByTypeAndACustomerTombstoneRemovesTheCustomer()
      throws Exception {
    String name = randomWord();
    String customer = "customer-" + UUID.randomUUID();
    String order = "order-" + UUID.randomUUID();
    Instant now = Instant.now();
    send(Topics.CUSTOMERS.name(), customer, new Customer(customer, "Ada " + name,
        name + "@example.ch", new Address("Street 1", "8001", "Zürich", "CH"),
        new BigDecimal("1000.00"), CustomerStatus.ACTIVE, now, now, null));
    send(Topics.ORDERS_ENRICHED.name(), order, new EnrichedOrder(order, customer, "Ada " + name,
        "CH", new BigDecimal("9.00"), now, "standard", EnrichedOrderState.VALIDATED,
        List.of(new EnrichedOrderLine("mug-1", 2, new BigDecimal("4.50"), "Enamel Mug",
            "kitchen"))));

    await().atMost(VISIBLE).untilAsserted(() -> {
      assertThat(get("/api/search?type=customer&country=CH&q=zurich+" + name).body())
          .contains("\"id\":\"" + customer + "\"", "\"email\":\"" + name + "@example.ch\"");
      assertThat(get("/api/search?type=order&state=VALIDATED&q=" + name).body())
          .contains("\"id\":\"" + order + "\"", "\"productNames\":[\"Enamel Mug\"]");
    });
    assertThat(get("/api/search?q=" + name).body()).as("the shop's own search")
        .contains("\"total\":0");

    send(Topics.CUSTOMERS.name(), customer, null);
    await().atMost(VISIBLE).untilAsserted(() ->
        assertThat(get("/api/search?type=customer&q=" + name).body()).contains("\"total\":0"));
  }

  @Test
  @Order(3)
  void badParametersAreProblemsNamingThem() throws Exception {
    for (var bad : Map.of("size=0", "size", "size=101", "size", "page=-1", "page",
        "page=5000&size=10", "page", "type=shoe", "type", "page=abc", "page",
        "q=" + encode("\"unclosed"), "q", "q=" + encode("*mug"), "q",
        "type=customer&category=kitchen", "category", "sort=colour", "sort").entrySet()) {
      HttpResponse<String> response = get("/api/search?" + bad.getKey());

      assertThat(response.statusCode()).as(bad.getKey()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).as(bad.getKey())
          .contains("application/problem+json");
      assertThat(response.body()).as(bad.getKey())
          .contains("\"field\":\"" + bad.getValue() + "\"");
    }
  }

  @Test
  @Order(3)
  void suggestionsCompleteAPrefixOfAName() throws Exception {
    String word = randomWord();
    String sku = "sku-" + UUID.randomUUID();
    send(Topics.PRODUCTS.name(), sku, product(sku, word + " Teapot", "25.00"));

    await().atMost(VISIBLE).untilAsserted(() ->
        assertThat(get("/api/search/suggest?q=" + word.substring(0, 5)).body())
            .contains("\"id\":\"" + sku + "\""));
    assertThat(get("/api/search/suggest?q=").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void theApiDocumentDescribesTheSearch() throws Exception {
    assertThat(get("/v3/api-docs").body()).contains("\"title\":\"Search API\"", "/api/search",
        "/api/search/suggest", "application/problem+json");
  }

  @Test
  @Order(4)
  void aRestartResumesAtTheOffsetsStoredWithTheIndex() throws Exception {
    String word = randomWord();
    String sku = "sku-" + UUID.randomUUID();
    send(Topics.PRODUCTS.name(), sku, product(sku, "Tent " + word, "199.00"));
    await().atMost(VISIBLE).until(() -> get("/api/search?q=" + word).body().contains(sku));

    app.close();
    app = startApp();

    // Found at once, and not one batch written: the sink read nothing again.
    assertThat(get("/api/search?q=" + word).body()).contains(sku);
    assertThat(app.getBean(MeterRegistry.class).timer("search.sink.batches").count()).isZero();
    String next = randomWord();
    send(Topics.PRODUCTS.name(), sku, product(sku, "Tent " + next, "199.00"));
    await().atMost(VISIBLE).untilAsserted(() -> assertThat(get("/api/search?q=" + next).body())
        .contains(sku));
  }

  @Test
  @Order(5)
  void aRebuildReadsEveryTopicAgainFromItsStart() throws Exception {
    String word = randomWord();
    String sku = "sku-" + UUID.randomUUID();
    send(Topics.PRODUCTS.name(), sku, product(sku, "Stove " + word, "79.00"));
    await().atMost(VISIBLE).until(() -> get("/api/search?q=" + word).body().contains(sku));
    assertThat(get("/admin/index/rebuild").statusCode()).as("no rebuild yet").isEqualTo(404);
    long batchesBefore = app.getBean(MeterRegistry.class).timer("search.sink.batches").count();

    HttpResponse<String> begun = post("/admin/index/rebuild");

    assertThat(begun.statusCode()).isEqualTo(202);
    assertThat(begun.headers().firstValue("Location")).contains("/admin/index/rebuild");
    await().atMost(WAIT).untilAsserted(() -> assertThat(get("/admin/index/rebuild").body())
        .contains("\"state\":\"DONE\""));
    JsonNode done = JSON.readTree(get("/admin/index/rebuild").body());
    assertThat(done.path("offsetsRead").asLong()).isEqualTo(done.path("offsetsToRead").asLong())
        .isPositive();
    assertThat(done.path("records").asLong()).as("every record of this class's test, again")
        .isGreaterThanOrEqualTo(10);
    assertThat(app.getBean(MeterRegistry.class).timer("search.sink.batches").count())
        .isGreaterThan(batchesBefore);
    assertThat(get("/api/search?q=" + word).body()).contains(sku);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
  }

  /** The service on the class's state directory, once it is healthy (caught up). */
  private ConfigurableApplicationContext startApp() {
    ConfigurableApplicationContext started = InProcessService.startAs(
        new SpringApplicationBuilder(SearchApplication.class), application, state,
        indexSettings());
    String url = InProcessService.baseUrl(started);
    await().atMost(START).until(() -> HTTP.send(HttpRequest.newBuilder(
        URI.create(url + "/actuator/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    // One query first: the first one loads the query path's classes (seconds on a busy machine),
    // which is no part of how soon a change becomes searchable.
    await().atMost(START).until(() -> HTTP.send(HttpRequest.newBuilder(
        URI.create(url + "/api/search?q=warm*")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    return started;
  }

  private static Product product(String sku, String name, String price) {
    return new Product(sku, name, "A " + name.toLowerCase() + " for the search test", "kitchen",
        new BigDecimal(price), Instant.now());
  }

  /** Eight letters nobody else's document has. */
  private static String randomWord() {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return word.toString();
  }

  private void send(String topic, String key, SpecificRecord value) throws Exception {
    byte[] bytes = value == null ? null : serialize(topic, value);
    producer.send(new ProducerRecord<>(topic, key, bytes)).get();
  }

  private static byte[] serialize(String topic, SpecificRecord value) {
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) value.getClass();
    return AvroSerde.forValues(type, SERDES, SharedSchemaRegistry.INSTANCE)
        .serialize(topic, value);
  }

  private static Map<String, Object> consumer() {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> post(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(InProcessService.baseUrl(app) + path))
        .timeout(WAIT).POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(InProcessService.baseUrl(app) + path))
        .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
