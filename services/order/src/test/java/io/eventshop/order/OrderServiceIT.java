package io.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The order service against a real broker, with the validators played by the test: placement,
 * aggregation to VALIDATED / REJECTED / TIMEOUT, read-your-writes with {@code waitFor},
 * idempotent retries, cancellation, the customer's orders, server-sent events and bad input.
 */
class OrderServiceIT {

  /** Start-up of the app (and of the shared broker) on a busy 2-core machine. */
  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");
  private static final AvroSerde<OrderEvent> ORDER_EVENTS =
      AvroSerde.forValues(OrderEvent.class, SERDES, REGISTRY);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MUG = "mug-" + UUID.randomUUID().toString().substring(0, 8);

  private static ConfigurableApplicationContext app;
  private static UpstreamEvents upstream;
  private static KafkaConsumer<String, byte[]> orders;
  private static final List<OrderEvent> seen = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    SharedKafka.createTopics(Topics.all());
    upstream = new UpstreamEvents();
    upstream.product(MUG, "Mug", "4.50");
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    orders = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = orders.partitionsFor(Topics.ORDERS.name()).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    orders.assign(partitions);
    orders.seekToBeginning(partitions);

    app = InProcessService.start(new SpringApplicationBuilder(OrderApplication.class), "order-it",
        "--eventshop.order.validation-timeout=3s",
        "--eventshop.order.timeout-check=200ms");
    await().atMost(START).until(() -> get("/actuator/health").statusCode() == 200);
    // The catalogue reaches the global table asynchronously.
    await().atMost(START).until(() -> placeOrder(customer(), null, MUG, 1).statusCode() == 202);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable open : new AutoCloseable[] {app, upstream, orders}) {
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
  void placingAnOrderWritesOrderPlacedPricedFromTheCatalogue() throws Exception {
    String customer = customer();

    HttpResponse<String> response = placeOrder(customer, null, MUG, 3);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains("\"state\":\"PLACED\"");
    String id = idOf(response);
    assertThat(response.headers().firstValue("Location")).contains("/api/orders/" + id);
    OrderEvent placed = awaitEvent(id, OrderPlaced.class);
    assertThat(placed.getCustomerId()).isEqualTo(customer);
    assertThat(((OrderPlaced) placed.getPayload()).getTotal()).isEqualByComparingTo("13.50");
  }

  @Test
  void anOrderIsValidatedWhenAllThreeValidatorsPass() throws Exception {
    String id = idOf(placeOrder(customer(), null, MUG, 1));
    CompletableFuture<HttpResponse<String>> waiting = getAsync(
        "/api/orders/" + id + "?waitFor=FINAL&timeout=20s");

    verdict(id, Validator.STOCK, true);
    verdict(id, Validator.CUSTOMER, true);
    verdict(id, Validator.FRAUD, true);

    HttpResponse<String> answer = waiting.get();
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"state\":\"VALIDATED\"", "\"unitPrice\":4.5");
  }

  @Test
  void anOrderIsRejectedWithTheReasonsOfEveryFailedValidator() throws Exception {
    String id = idOf(placeOrder(customer(), null, MUG, 1));
    verdict(id, Validator.STOCK, false, RejectionReason.OUT_OF_STOCK);
    verdict(id, Validator.CUSTOMER, false, RejectionReason.CREDIT_LIMIT_EXCEEDED);
    verdict(id, Validator.FRAUD, true);

    HttpResponse<String> answer = get("/api/orders/" + id + "?waitFor=FINAL&timeout=20s");

    assertThat(answer.body()).contains("\"state\":\"REJECTED\"", "OUT_OF_STOCK",
        "CREDIT_LIMIT_EXCEEDED");
  }

  @Test
  void anOrderWhoseVerdictsDoNotArriveIsRejectedWithTimeout() throws Exception {
    String id = idOf(placeOrder(customer(), null, MUG, 1));
    verdict(id, Validator.STOCK, true);

    HttpResponse<String> answer = get("/api/orders/" + id + "?waitFor=FINAL&timeout=20s");

    assertThat(answer.body()).contains("\"state\":\"REJECTED\"", "TIMEOUT");
  }

  @Test
  void waitingEndsAfterTheTimeoutWithTheCurrentState() throws Exception {
    String id = idOf(placeOrder(customer(), null, MUG, 1));

    HttpResponse<String> answer = get("/api/orders/" + id + "?waitFor=VALIDATED&timeout=300ms");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"state\":\"PLACED\"");
  }

  @Test
  void withPreferWaitThePlacementAnswersWithTheOutcome() throws Exception {
    String customer = customer();
    CompletableFuture<HttpResponse<String>> placing = HTTP.sendAsync(placement(customer, 1)
        .header("Prefer", "respond-async, wait=20").build(), HttpResponse.BodyHandlers.ofString());
    String id = awaitEvent(event -> event.getCustomerId().equals(customer)).getOrderId();
    assertThat(placing).isNotDone();

    verdict(id, Validator.STOCK, true);
    verdict(id, Validator.CUSTOMER, true);
    verdict(id, Validator.FRAUD, true);

    HttpResponse<String> answer = placing.get();
    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(answer.body()).contains("\"id\":\"" + id + "\"", "\"state\":\"VALIDATED\"",
        "\"unitPrice\":4.5");
    assertThat(answer.headers().firstValue("Preference-Applied")).contains("wait=20");
    assertThat(answer.headers().firstValue("Location")).contains("/api/orders/" + id);
  }

  @Test
  void withPreferWaitAnOutcomeThatTakesLongerIsAnsweredAcceptedAfterTheWait() throws Exception {
    HttpResponse<String> answer = HTTP.send(placement(customer(), 1)
        .header("Prefer", "wait=1").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.body()).contains("\"state\":\"PLACED\"");
    assertThat(answer.headers().firstValue("Preference-Applied")).contains("wait=1");
  }

  @Test
  void aPreferenceItCannotReadIsIgnored() throws Exception {
    HttpResponse<String> answer = HTTP.send(placement(customer(), 1)
        .header("Prefer", "wait=soon").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(202);
    assertThat(answer.headers().firstValue("Preference-Applied")).isEmpty();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheSameOrder() throws Exception {
    String customer = customer();
    String key = UUID.randomUUID().toString();

    String first = idOf(placeOrder(customer, key, MUG, 2));
    String quickRetry = idOf(placeOrder(customer, key, MUG, 2));
    awaitEvent(first, OrderPlaced.class);
    get("/api/orders/" + first + "?waitFor=FINAL&timeout=20s");
    String lateRetry = idOf(placeOrder(customer, key, MUG, 2));
    String otherKey = idOf(placeOrder(customer, key + "-other", MUG, 2));

    assertThat(quickRetry).isEqualTo(first);
    assertThat(lateRetry).isEqualTo(first);
    assertThat(otherKey).isNotEqualTo(first);
    awaitEvent(otherKey, OrderPlaced.class);
    assertThat(seen.stream().filter(e -> e.getOrderId().equals(first))
        .filter(e -> e.getPayload() instanceof OrderPlaced)).hasSize(1);
  }

  @Test
  void aValidatedOrderCanBeCancelledOnce() throws Exception {
    String id = validatedOrder(customer());

    HttpResponse<String> cancelled = post("/api/orders/" + id + "/cancel", "", null);

    assertThat(cancelled.statusCode()).isEqualTo(202);
    assertThat(cancelled.body()).contains("CANCELLED");
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(get("/api/orders/" + id).body()).contains("\"state\":\"CANCELLED\""));
    assertThat(post("/api/orders/" + id + "/cancel", "", null).statusCode()).isEqualTo(409);
    assertThat(post("/api/orders/" + UUID.randomUUID() + "/cancel", "", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void listsTheOrdersOfACustomer() throws Exception {
    String customer = customer();
    String first = idOf(placeOrder(customer, null, MUG, 1));
    String second = idOf(placeOrder(customer, null, MUG, 2));
    idOf(placeOrder(customer(), null, MUG, 1));

    await().atMost(WAIT).untilAsserted(() -> {
      String body = get("/api/customers/" + customer + "/orders").body();
      assertThat(body).contains(first, second);
      assertThat(body.split("\"id\"")).hasSize(3);
    });
  }

  @Test
  void streamsTheChangesOfACustomersOrders() throws Exception {
    String customer = customer();
    HttpResponse<java.io.InputStream> stream = HTTP.sendAsync(HttpRequest.newBuilder(
            URI.create(baseUrl() + "/api/orders/stream?customerId=" + customer))
        .header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofInputStream()).get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(stream.statusCode()).isEqualTo(200);
    idOf(placeOrder(customer(), null, MUG, 1));
    String id = idOf(placeOrder(customer, null, MUG, 1));

    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body()))) {
      CompletableFuture<String> firstData = CompletableFuture.supplyAsync(() -> {
        try {
          String line;
          while ((line = lines.readLine()) != null) {
            if (line.startsWith("data:")) {
              return line;
            }
          }
          return null;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      String data = firstData.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      assertThat(data).contains(id, "\"state\":\"PLACED\"", customer);
    }
  }

  @Test
  void refusesBadInputWithProblemDetailsAndWritesNothing() throws Exception {
    String customer = customer();
    HttpResponse<String> noLines = post("/api/orders",
        "{\"customerId\":\"" + customer + "\",\"lines\":[]}", null);
    HttpResponse<String> zero = post("/api/orders", "{\"customerId\":\"" + customer
        + "\",\"lines\":[{\"sku\":\"" + MUG + "\",\"quantity\":0}]}", null);
    HttpResponse<String> unknownField = post("/api/orders", "{\"customerId\":\"" + customer
        + "\",\"lines\":[{\"sku\":\"" + MUG + "\",\"quantity\":1}],\"coupon\":\"x\"}", null);
    HttpResponse<String> missingCustomer = post("/api/orders",
        "{\"lines\":[{\"sku\":\"" + MUG + "\",\"quantity\":1}]}", null);
    HttpResponse<String> malformed = post("/api/orders", "{\"customerId\":", null);
    HttpResponse<String> unknownSku = placeOrder(customer, null, "no-such-sku", 1);

    assertThat(noLines.statusCode()).isEqualTo(400);
    assertThat(noLines.body()).contains("lines");
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(zero.body()).contains("lines[0].quantity");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("coupon");
    assertThat(missingCustomer.statusCode()).isEqualTo(400);
    assertThat(missingCustomer.body()).contains("customerId");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(unknownSku.statusCode()).isEqualTo(422);
    assertThat(unknownSku.body()).contains("no-such-sku");
    assertThat(unknownSku.headers().firstValue("Content-Type"))
        .contains("application/problem+json");
    assertThat(get("/api/orders/not-an-order").statusCode()).isEqualTo(404);

    String marker = idOf(placeOrder(customer, null, MUG, 1));
    awaitEvent(marker, OrderPlaced.class);
    assertThat(seen.stream().filter(e -> e.getCustomerId().equals(customer))).hasSize(1);
  }

  @Test
  void aPoisonRecordOnProductsGoesToItsDeadLetterTopicAndOrdersAreStillTaken() throws Exception {
    String poisonKey = "poison-" + UUID.randomUUID();
    String tea = "tea-" + UUID.randomUUID().toString().substring(0, 8);
    try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
        new StringSerializer(), new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.PRODUCTS.name(), poisonKey,
          "not avro".getBytes(StandardCharsets.UTF_8))).get();
    }
    upstream.product(tea, "Tea", "3.20");

    // The global table read past the poison record: the product after it can be ordered.
    await().atMost(WAIT).until(() -> placeOrder(customer(), null, tea, 1).statusCode() == 202);
    assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    List<String> deadLetters = new ArrayList<>();
    TopicTail.readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            SharedKafka.bootstrapServers()),
        List.of(Topics.PRODUCTS.name() + Topics.DEAD_LETTER_SUFFIX),
        record -> deadLetters.add(record.key()));
    assertThat(deadLetters).contains(poisonKey);
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String validatedOrder(String customer) throws Exception {
    String id = idOf(placeOrder(customer, null, MUG, 1));
    verdict(id, Validator.STOCK, true);
    verdict(id, Validator.CUSTOMER, true);
    verdict(id, Validator.FRAUD, true);
    assertThat(get("/api/orders/" + id + "?waitFor=FINAL&timeout=20s").body())
        .contains("VALIDATED");
    return id;
  }

  private static String customer() {
    return "customer-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static HttpResponse<String> placeOrder(String customer, String key, String sku,
                                                 int quantity) throws Exception {
    return post("/api/orders", orderOf(customer, sku, quantity), key);
  }

  private static String orderOf(String customer, String sku, int quantity) {
    return "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku
        + "\",\"quantity\":" + quantity + "}]}";
  }

  private static String idOf(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  private static void verdict(String orderId, Validator validator, boolean passed,
                              RejectionReason... reasons) throws Exception {
    upstream.validation(new OrderValidation(orderId, "c", validator, passed, List.of(reasons),
        null, Instant.now()));
  }

  private static OrderEvent awaitEvent(String orderId, Class<?> payload) {
    return awaitEvent(e -> e.getOrderId().equals(orderId) && payload.isInstance(e.getPayload()));
  }

  /** The first committed event on {@code orders} that {@code matching} accepts. */
  private static OrderEvent awaitEvent(Predicate<OrderEvent> matching) {
    await().atMost(WAIT).until(() -> {
      synchronized (seen) {
        for (ConsumerRecord<String, byte[]> record : orders.poll(Duration.ofMillis(100))) {
          seen.add(ORDER_EVENTS.deserialize(record.topic(), record.value()));
        }
        return seen.stream().anyMatch(matching);
      }
    });
    synchronized (seen) {
      return seen.stream().filter(matching).findFirst().orElseThrow();
    }
  }

  private static HttpResponse<String> post(String path, String json, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request = request(path, json);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A placement of {@code quantity} mugs by {@code customer}, to add headers to. */
  private static HttpRequest.Builder placement(String customer, int quantity) {
    return request("/api/orders", orderOf(customer, MUG, quantity));
  }

  private static HttpRequest.Builder request(String path, String json) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(WAIT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return getAsync(path).get();
  }

  private static CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(WAIT).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }
}
