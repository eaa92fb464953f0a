package io.eventshop.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderCancelled;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stock service against a real broker: receipts, reservations with verdicts, releases, a race
 * for the last units, dead letters and a restart that rebuilds the state from the compacted topics.
 * Tests share the broker and the catalogue's topics, so each uses skus and order ids of its own.
 */
class StockServiceIT {

  /** Start-up of the app (and of the shared broker) on a busy 2-core machine. */
  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");
  private static final AvroSerde<OrderEvent> ORDER_EVENTS =
      AvroSerde.forValues(OrderEvent.class, SERDES, REGISTRY);
  private static final AvroSerde<OrderValidation> VALIDATIONS =
      AvroSerde.forValues(OrderValidation.class, SERDES, REGISTRY);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String WRITER_ID = "stock-it-" + UUID.randomUUID();

  private static ConfigurableApplicationContext app;
  private static KafkaProducer<String, OrderEvent> orders;
  private static KafkaConsumer<String, byte[]> validations;
  private static final Map<String, OrderValidation> verdicts = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    SharedKafka.createTopics(Topics.all());
    Map<String, Object> producerConfig = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all");
    orders = new KafkaProducer<>(producerConfig, new StringSerializer(), ORDER_EVENTS.serializer());
    Properties consumerConfig = new Properties();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    validations = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
        new ByteArrayDeserializer());
    startApp();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable open : new AutoCloseable[] {app, orders, validations}) {
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
  void aReceiptAnswersWithTheCommittedLevel() throws Exception {
    String sku = sku();

    HttpResponse<String> first = receive(sku, 5);
    HttpResponse<String> second = receive(sku, 3);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("\"onHand\":8", "\"reserved\":0", "\"available\":8");
    assertThat(get("/api/stock/" + sku).body()).contains("\"onHand\":8");
  }

  @Test
  void refusesReceiptsThatAreNotPositiveAndAnswers404ForUnknownSkus() throws Exception {
    HttpResponse<String> zero = post("/api/stock/" + sku() + "/receipts", "{\"quantity\":0}");
    HttpResponse<String> unknownField =
        post("/api/stock/" + sku() + "/receipts", "{\"quantity\":1,\"colour\":\"red\"}");

    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(zero.headers().firstValue("content-type")).contains("application/problem+json");
    assertThat(zero.body()).contains("quantity");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("colour");
    assertThat(get("/api/stock/" + sku()).statusCode()).isEqualTo(404);
  }

  @Test
  void theLevelsOfSeveralProductsComeInOneRequestLeavingOutThoseWithoutStock() throws Exception {
    String mug = sku();
    String never = sku();
    String tea = sku();
    receive(mug, 2);
    receive(tea, 7);

    HttpResponse<String> levels = get("/api/stock?sku=" + tea + "&sku=" + never + "&sku=" + mug);
    HttpResponse<String> commaSeparated = get("/api/stock?sku=" + tea + "," + never + "," + mug);

    assertThat(levels.statusCode()).isEqualTo(200);
    assertThat(levels.body()).startsWith("[{\"sku\":\"" + tea + "\"").contains(
        "\"sku\":\"" + mug + "\",\"onHand\":2").doesNotContain(never);
    assertThat(commaSeparated.body()).isEqualTo(levels.body());
  }

  @Test
  void aBatchReadOfNoSkuTooManyOrOneThatIsNotASkuIsAProblemNamingTheParameter()
      throws Exception {
    String tooMany = String.join(",", java.util.Collections.nCopies(101, "mug"));
    for (String query : new String[] {"sku=", "sku=" + tooMany, "sku=mug,%20bad%20sku"}) {
      HttpResponse<String> problem = get("/api/stock?" + query);
      assertThat(problem.statusCode()).as(query).isEqualTo(400);
      assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(problem.body()).as(query).contains("sku");
    }
  }

  @Test
  void reservesEveryLineOfAnOrderAndReleasesItWhenTheOrderIsRejected() throws Exception {
    String mug = sku();
    String tea = sku();
    receive(mug, 5);
    receive(tea, 5);
    String orderId = orderId();

    place(orderId, Map.of(mug, 2, tea, 3));

    OrderValidation verdict = awaitVerdict(orderId);
    assertThat(verdict.getValidator()).isEqualTo(Validator.STOCK);
    assertThat(verdict.getPassed()).isTrue();
    assertThat(get("/api/stock/" + tea).body()).contains("\"reserved\":3", "\"available\":2");

    send(orderId, new OrderRejected(List.of(RejectionReason.CREDIT_LIMIT_EXCEEDED)));
    send(orderId, new OrderRejected(List.of(RejectionReason.CREDIT_LIMIT_EXCEEDED)));

    await().atMost(WAIT).untilAsserted(() ->
        assertThat(get("/api/stock/" + tea).body()).contains("\"reserved\":0"));
    assertThat(get("/api/stock/" + mug).body()).contains("\"reserved\":0", "\"onHand\":5");
  }

  @Test
  void refusesAnOrderWhenAnyLineIsShortAndReservesNothing() throws Exception {
    String mug = sku();
    String tea = sku();
    receive(mug, 5);
    receive(tea, 1);
    String orderId = orderId();

    place(orderId, Map.of(mug, 2, tea, 3));

    OrderValidation verdict = awaitVerdict(orderId);
    assertThat(verdict.getPassed()).isFalse();
    assertThat(verdict.getReasons()).containsExactly(RejectionReason.OUT_OF_STOCK);
    assertThat(get("/api/stock/" + mug).body()).contains("\"reserved\":0");

    String ghost = orderId();
    place(ghost, Map.of(sku(), 1));
    assertThat(awaitVerdict(ghost).getReasons()).containsExactly(RejectionReason.UNKNOWN_PRODUCT);
  }

  @Test
  void manyOrdersRacingForTheLastUnitsNeverOversell() throws Exception {
    String mug = sku();
    String tea = sku();
    receive(mug, 10);
    receive(tea, 10);
    List<String> ids = new ArrayList<>();
    ExecutorService customers = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 60; i++) {
      String id = orderId();
      ids.add(id);
      Map<String, Integer> lines = i % 3 == 0 ? Map.of(mug, 1, tea, 1) : Map.of(i % 2 == 0 ? mug : tea, 1);
      customers.submit(() -> place(id, lines));
    }
    customers.shutdown();
    assertThat(customers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> pollVerdict(id) != null));

    long mugsSold = 0;
    long teasSold = 0;
    for (int i = 0; i < ids.size(); i++) {
      if (verdicts.get(ids.get(i)).getPassed()) {
        mugsSold += i % 3 == 0 || i % 2 == 0 ? 1 : 0;
        teasSold += i % 3 == 0 || i % 2 != 0 ? 1 : 0;
      }
    }
    // 40 units of each are wanted, 10 of each exist: all-or-nothing may leave a unit unsold, but
    // what is reserved is exactly what passed orders hold, and never more than on hand.
    assertThat(mugsSold).isBetween(1L, 10L);
    assertThat(teasSold).isBetween(1L, 10L);
    assertThat(get("/api/stock/" + mug).body()).contains("\"onHand\":10",
        "\"reserved\":" + mugsSold + ",");
    assertThat(get("/api/stock/" + tea).body()).contains("\"onHand\":10",
        "\"reserved\":" + teasSold + ",");
  }

  @Test
  void sendsAnUndecodableOrderEventToTheDeadLetterTopicAndCarriesOn() throws Exception {
    String poisonId = orderId();
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
        new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.ORDERS.name(), poisonId,
          "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }
    String mug = sku();
    receive(mug, 1);
    String orderId = orderId();
    place(orderId, Map.of(mug, 1));

    assertThat(awaitVerdict(orderId).getPassed()).isTrue();
    assertThat(deadLetterKeys()).contains(poisonId);
  }

  @Test
  void aSecondWriterFencesTheFirstAndGoesOnFromTheCommittedState() throws Exception {
    String mug = sku();
    receive(mug, 4);
    String kept = orderId();
    String cancelled = orderId();
    place(kept, Map.of(mug, 1));
    place(cancelled, Map.of(mug, 2));
    awaitVerdict(kept);
    awaitVerdict(cancelled);

    ConfigurableApplicationContext first = app;
    String firstUrl = baseUrl();
    startApp();
    send(cancelled, new OrderCancelled());

    await().atMost(WAIT).untilAsserted(() ->
        assertThat(get(firstUrl, "/actuator/health").body()).contains("FENCED"));
    first.close();
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(get("/api/stock/" + mug).body()).contains("\"onHand\":4", "\"reserved\":1"));
    String next = orderId();
    place(next, Map.of(mug, 3));
    assertThat(awaitVerdict(next).getPassed()).isTrue();
    assertThat(get("/api/stock/" + mug).body()).contains("\"reserved\":4");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static void startApp() {
    app = InProcessService.start(new SpringApplicationBuilder(StockApplication.class), "stock-it",
        "--eventshop.stock.transactional-id=" + WRITER_ID,
        "--eventshop.stock.group-id=" + WRITER_ID);
    await().atMost(START).until(() -> get("/actuator/health").statusCode() == 200);
  }

  private static String sku() {
    return "sku-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String orderId() {
    return UUID.randomUUID().toString();
  }

  private static void place(String orderId, Map<String, Integer> lines) {
    List<OrderLine> orderLines = new ArrayList<>();
    lines.forEach((sku, quantity) -> orderLines.add(new OrderLine(sku, quantity, BigDecimal.ONE)));
    send(orderId, new OrderPlaced(orderLines, BigDecimal.TEN, null));
  }

  private static void send(String orderId, Object payload) {
    try {
      orders.send(new ProducerRecord<>(Topics.ORDERS.name(), orderId,
          new OrderEvent(orderId, "customer-1", Instant.now(), payload))).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static OrderValidation awaitVerdict(String orderId) {
    await().atMost(WAIT).until(() -> pollVerdict(orderId) != null);
    return verdicts.get(orderId);
  }

  /** Reads what arrived on order-validations so far; the verdict of the order if it is there. */
  private static synchronized OrderValidation pollVerdict(String orderId) {
    if (validations.assignment().isEmpty()) {
      validations.assign(validations.partitionsFor(Topics.ORDER_VALIDATIONS.name()).stream()
          .map(info -> new org.apache.kafka.common.TopicPartition(info.topic(), info.partition()))
          .toList());
      validations.seekToBeginning(validations.assignment());
    }
    for (ConsumerRecord<String, byte[]> record : validations.poll(Duration.ofMillis(100))) {
      OrderValidation verdict = VALIDATIONS.deserialize(record.topic(), record.value());
      verdicts.putIfAbsent(record.key(), verdict);
    }
    return verdicts.get(orderId);
  }

  private static List<String> deadLetterKeys() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      String topic = Topics.ORDERS.deadLetterTopicName();
      dlq.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
      dlq.seekToBeginning(dlq.assignment());
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, byte[]> record : dlq.poll(Duration.ofMillis(200))) {
          assertThat(record.headers().lastHeader(DeadLetters.SOURCE_TOPIC)).isNotNull();
          keys.add(record.key());
        }
        return !keys.isEmpty();
      });
    }
    return keys;
  }

  private static HttpResponse<String> receive(String sku, long quantity) throws Exception {
    return post("/api/stock/" + sku + "/receipts", "{\"quantity\":" + quantity + "}");
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(WAIT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return get(baseUrl(), path);
  }

  private static HttpResponse<String> get(String base, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }
}
