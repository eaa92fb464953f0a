package io.eventshop.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.customer.Address;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.launcher.kafka.TopicProvisioner;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The analytics service against a real broker, one app for the class (started again once, by the
 * last test, from an empty state directory): enrichment of a real order event, a poison click
 * dead-lettered while the service stays healthy, validated queries, and a store rebuilt from its
 * changelog answering as before.
 */
@TestMethodOrder(OrderAnnotation.class)
class AnalyticsServiceIT {

  /** Start-up of the app (and of the shared broker) on a busy 2-core machine. */
  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String APPLICATION = "analytics-it-" + UUID.randomUUID();

  private static ConfigurableApplicationContext app;
  private static KafkaProducer<String, SpecificRecord> producer;

  @BeforeAll
  static void start() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedKafka.bootstrapServers()))) {
      new TopicProvisioner(admin).provision(Topics.all());
    }
    producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
        (topic, value) -> serialize(topic, value));
    app = startApp();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable open : new AutoCloseable[] {app, producer}) {
      if (open != null) {
        try {
          open.close();
        } catch (Exception ignored) {
          // closing after the tests; nothing left to check
        }
      }
    }
  }

  @Test
  @Order(1)
  void aPlacedOrderAppearsInOrdersEnrichedWithItsCustomersNameAndCountry() throws Exception {
    String customer = "customer-" + UUID.randomUUID();
    String sku = "mug-" + UUID.randomUUID();
    String orderId = "order-" + UUID.randomUUID();
    Instant now = Instant.now();
    send(Topics.PRODUCTS.name(), sku, new Product(sku, "Mug", "A mug", "kitchen",
        new BigDecimal("4.50"), now));
    send(Topics.CUSTOMERS.name(), customer, new Customer(customer, "Ada Lovelace",
        "ada@example.ch", new Address("Street 1", "8001", "Zürich", "CH"),
        new BigDecimal("1000.00"), CustomerStatus.ACTIVE, now, now, null));

    send(Topics.ORDERS.name(), orderId, new OrderEvent(orderId, customer, now, new OrderPlaced(
        List.of(new OrderLine(sku, 2, new BigDecimal("4.50"))), new BigDecimal("9.00"), null)));

    AvroSerde<EnrichedOrder> enriched = AvroSerde.forValues(EnrichedOrder.class, SERDES, REGISTRY);
    await().atMost(WAIT).untilAsserted(() -> {
      List<EnrichedOrder> found = new ArrayList<>();
      TopicTail.readToEnd(consumer(), List.of(Topics.ORDERS_ENRICHED.name()), record -> {
        if (orderId.equals(record.key())) {
          found.add(enriched.deserialize(record.topic(), record.value()));
        }
      });
      assertThat(found).singleElement().satisfies(order -> {
        assertThat(order.getCustomerName()).isEqualTo("Ada Lovelace");
        assertThat(order.getCountry()).isEqualTo("CH");
        assertThat(order.getLines()).singleElement()
            .satisfies(line -> assertThat(line.getCategory()).isEqualTo("kitchen"));
      });
    });
  }

  @Test
  @Order(2)
  void poisonRecordsGoToTheirDeadLetterTopicsAndTheNextClickIsProcessed() throws Exception {
    String poisonKey = "poison-" + UUID.randomUUID();
    String visitor = "visitor-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      for (String topic : List.of(Topics.CLICKSTREAM.name(), Topics.SENSOR_READINGS.name())) {
        raw.send(new ProducerRecord<>(topic, poisonKey,
            "not avro".getBytes(StandardCharsets.UTF_8))).get();
      }
    }
    send(Topics.CLICKSTREAM.name(), visitor, new ClickEvent(visitor, ClickAction.PRODUCT_VIEW, "mug",
        Instant.now(), null, null, null, null));

    await().atMost(WAIT).untilAsserted(() ->
        assertThat(get("/api/analytics/visitors/" + visitor + "/sessions").body())
            .contains("\"events\":1"));
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    for (String deadLetterTopic : List.of(Topics.CLICKSTREAM.deadLetterTopicName(),
        Topics.SENSOR_READINGS.deadLetterTopicName())) {
      await().atMost(WAIT).untilAsserted(() -> {
        List<String> deadLetters = new ArrayList<>();
        TopicTail.readToEnd(consumer(), List.of(deadLetterTopic),
            record -> deadLetters.add(record.key()));
        assertThat(deadLetters).as(deadLetterTopic).contains(poisonKey);
      });
    }
  }

  @Test
  @Order(3)
  void aQueryWithAnInvalidParameterIsAProblemNamingIt() throws Exception {
    HttpResponse<String> response = get("/api/analytics/products/mug/views?minutes=0");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body()).contains("\"field\":\"minutes\"");
  }

  @Test
  @Order(3)
  void aViewShowsInTheTrendingProductsOfTheCurrentWindow() throws Exception {
    String visitor = "visitor-" + UUID.randomUUID();
    String sku = "lamp-" + UUID.randomUUID();
    send(Topics.CLICKSTREAM.name(), visitor, new ClickEvent(visitor, ClickAction.PRODUCT_VIEW, sku,
        Instant.now(), null, null, null, null));

    await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/analytics/products/trending")
        .body()).contains("{\"sku\":\"" + sku + "\",\"views\":1}"));
  }

  @Test
  @Order(3)
  void theApiDocumentNamesTheProblemAnswersOfEveryQuery() throws Exception {
    String document = get("/v3/api-docs").body();

    assertThat(document).contains("\"title\":\"Analytics API\"", "/api/analytics/revenue",
        "/api/analytics/products/trending", "application/problem+json");
  }

  @Test
  @Order(4)
  void aStoreRebuiltFromItsChangelogAnswersAsBefore() throws Exception {
    String visitor = "visitor-" + UUID.randomUUID();
    Instant at = Instant.now();
    send(Topics.CLICKSTREAM.name(), visitor, new ClickEvent(visitor, ClickAction.PRODUCT_VIEW, "mug",
        at, null, null, null, null));
    send(Topics.CLICKSTREAM.name(), visitor, new ClickEvent(visitor, ClickAction.ADD_TO_CART,
        "mug", at.plusSeconds(5), null, null, null, null));
    String path = "/api/analytics/visitors/" + visitor + "/sessions";
    await().atMost(WAIT).until(() -> get(path).body().contains("\"events\":2"));
    String before = get(path).body();

    app.close();
    app = startApp();

    await().atMost(WAIT).untilAsserted(() -> assertThat(get(path).body()).isEqualTo(before));
  }

  /** The app with an empty state directory of its own, under the class's application id. */
  private static ConfigurableApplicationContext startApp() throws Exception {
    ConfigurableApplicationContext started = new SpringApplicationBuilder(
        AnalyticsApplication.class)
        .initializers(context -> context.getBeanFactory()
            .registerSingleton("testSchemaRegistry", REGISTRY))
        .run("--server.port=0",
            "--spring.application.name=" + APPLICATION,
            "--eventshop.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
            "--eventshop.kafka.state-dir=" + Files.createTempDirectory("analytics-it"));
    String url = "http://127.0.0.1:" + started.getEnvironment().getProperty("local.server.port");
    await().atMost(START).until(() -> HTTP.send(HttpRequest.newBuilder(
        URI.create(url + "/actuator/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    return started;
  }

  private static byte[] serialize(String topic, SpecificRecord value) {
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) value.getClass();
    return AvroSerde.forValues(type, SERDES, REGISTRY).serialize(topic, value);
  }

  private static void send(String topic, String key, SpecificRecord value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  private static Map<String, Object> consumer() {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + app.getEnvironment().getProperty("local.server.port") + path))
        .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
