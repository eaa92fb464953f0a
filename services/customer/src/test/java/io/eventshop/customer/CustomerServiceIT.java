package io.eventshop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.customer.CustomerEvent;
import io.eventshop.contracts.customer.CustomerRegistered;
import io.eventshop.contracts.customer.CustomerStatus;
import io.eventshop.contracts.customer.CustomerUpdated;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.RejectionReason;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer service in-process against the real broker: REST in, Kafka out, and the checks of
 * orders.
 *
 * <p>The schema registry is the in-memory {@link SchemaRegistryClient} of {@code testing}, shared
 * by the service and the test: the registry module's artifact is its executable jar, which cannot
 * be started in-process from here (the registry's HTTP API is tested in its own module).
 */
class CustomerServiceIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");

  private static String bootstrap;
  private static ConfigurableApplicationContext service;
  private static String baseUrl;

  @BeforeAll
  static void startTheService() throws Exception {
    bootstrap = SharedKafka.bootstrapServers();
    SharedKafka.createTopics(Topics.all());
    service = InProcessService.start(new SpringApplicationBuilder(CustomerApplication.class),
        "customer-it");
    baseUrl = InProcessService.baseUrl(service);
    await().atMost(PATIENCE).untilAsserted(() ->
        assertThat(send("GET", "/actuator/health", null).statusCode()).isEqualTo(200));
  }

  @AfterAll
  static void stopTheService() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void registeringWritesTheEventAndTheStateAndTheCustomerCanBeReadAtOnce() throws Exception {
    HttpResponse<String> created = send("POST", "/api/customers", ada("ada@example.com"));

    assertThat(created.statusCode()).isEqualTo(201);
    String id = JSON.readTree(created.body()).path("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/customers/" + id);

    HttpResponse<String> read = send("GET", "/api/customers/" + id, null);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(read.body());
    assertThat(body.path("name").asString()).isEqualTo("Ada");
    assertThat(body.path("address").path("country").asString()).isEqualTo("CH");
    assertThat(body.path("creditLimit").decimalValue()).isEqualByComparingTo("1000");
    assertThat(body.path("status").asString()).isEqualTo("ACTIVE");

    List<CustomerEvent> events = readAll(Topics.CUSTOMER_EVENTS, id, CustomerEvent.class, 1);
    assertThat(events.get(0).getPayload()).isInstanceOfSatisfying(CustomerRegistered.class,
        registered -> assertThat(registered.getEmail()).isEqualTo("ada@example.com"));
    List<Customer> states = readAll(Topics.CUSTOMERS, id, Customer.class, 1);
    assertThat(states.get(0).getId()).isEqualTo(id);
    assertThat(states.get(0).getCreditLimit()).isEqualByComparingTo("1000.00");
    assertThat(states.get(0).getStatus()).isEqualTo(CustomerStatus.ACTIVE);
  }

  @Test
  void blockingAndMovingAreEventsAndNewStates() throws Exception {
    String id = register(ada("ada.moves@example.com"));

    HttpResponse<String> blocked = send("PUT", "/api/customers/" + id, """
        {"name":"Ada L.","email":"ada.moves@example.com","creditLimit":500,"status":"BLOCKED"}""");
    HttpResponse<String> moved = send("PUT", "/api/customers/" + id + "/address", """
        {"street":"Bundesplatz 3","zip":"3003","city":"Bern","country":"CH"}""");

    assertThat(blocked.statusCode()).isEqualTo(200);
    assertThat(moved.statusCode()).isEqualTo(200);
    JsonNode now = JSON.readTree(send("GET", "/api/customers/" + id, null).body());
    assertThat(now.path("status").asString()).isEqualTo("BLOCKED");
    assertThat(now.path("name").asString()).isEqualTo("Ada L.");
    assertThat(now.path("address").path("city").asString()).isEqualTo("Bern");
    List<CustomerEvent> events = readAll(Topics.CUSTOMER_EVENTS, id, CustomerEvent.class, 3);
    assertThat(events.get(1).getPayload()).isInstanceOf(CustomerUpdated.class);
    List<Customer> states = readAll(Topics.CUSTOMERS, id, Customer.class, 3);
    assertThat(states.get(2).getAddress().getCity()).isEqualTo("Bern");
    assertThat(states.get(2).getStatus()).isEqualTo(CustomerStatus.BLOCKED);
  }

  @Test
  void badInputIsAProblemNamingTheFieldsAndWritesNothing() throws Exception {
    long eventsBefore = endOffsets(Topics.CUSTOMER_EVENTS);

    HttpResponse<String> invalid = send("POST", "/api/customers", """
        {"name":"Ada","email":"not-an-email",
         "address":{"street":"Main 1","zip":"8001","city":"Zürich","country":"ch"},
         "creditLimit":-1}""");
    HttpResponse<String> unknownField = send("POST", "/api/customers", """
        {"name":"Ada","email":"a@example.com","nickname":"Al",
         "address":{"street":"Main 1","zip":"8001","city":"Zürich","country":"CH"},
         "creditLimit":1}""");
    HttpResponse<String> malformed = send("POST", "/api/customers", "{\"name\":");

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(fields(invalid)).containsExactly("address.country", "creditLimit", "email");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(fields(unknownField)).containsExactly("nickname");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(endOffsets(Topics.CUSTOMER_EVENTS)).isEqualTo(eventsBefore);
  }

  @Test
  void anUnknownCustomerIsNotFound() throws Exception {
    HttpResponse<String> read = send("GET", "/api/customers/nobody", null);
    HttpResponse<String> moved = send("PUT", "/api/customers/nobody/address", """
        {"street":"Main 1","zip":"8001","city":"Zürich","country":"CH"}""");

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(read.body()).path("detail").asString()).contains("nobody");
    assertThat(moved.statusCode()).isEqualTo(404);
  }

  @Test
  void aPlacedOrderGetsACustomerAndAFraudValidation() throws Exception {
    String id = register(ada("ada.orders@example.com"));
    OrderIds orderIds = new OrderIds();
    String withinLimit = orderIds.mintFor(id);
    String overLimit = orderIds.mintFor(id);

    place(withinLimit, id, "800.00");
    place(overLimit, id, "300.00");

    Map<String, List<OrderValidation>> byOrder = validationsOf(Set.of(withinLimit, overLimit), 4);
    assertThat(byOrder.get(withinLimit)).extracting(OrderValidation::getValidator)
        .containsExactly(Validator.CUSTOMER, Validator.FRAUD);
    assertThat(byOrder.get(withinLimit)).allMatch(OrderValidation::getPassed);
    OrderValidation refused = byOrder.get(overLimit).get(0);
    assertThat(refused.getValidator()).isEqualTo(Validator.CUSTOMER);
    assertThat(refused.getReasons()).containsExactly(RejectionReason.CREDIT_LIMIT_EXCEEDED);
  }

  @Test
  void anUndecodableOrderGoesToTheDeadLetterTopicAndTheNextOrderIsChecked() throws Exception {
    String id = register(ada("ada.poison@example.com"));
    String poison = new OrderIds().mintFor(id);
    String good = new OrderIds().mintFor(id);

    send(Topics.ORDERS, poison, new byte[] {0, 0, 0, 0, 42, 1, 2, 3});
    place(good, id, "10.00");

    assertThat(validationsOf(Set.of(good), 2).get(good)).allMatch(OrderValidation::getPassed);
    List<ConsumerRecord<String, byte[]>> deadLetters =
        recordsOf(Topics.ORDERS.deadLetterTopicName(), poison::equals, 1);
    assertThat(deadLetters.get(0).headers().lastHeader("dlq.source.topic").value())
        .asString().isEqualTo(Topics.ORDERS.name());
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static String ada(String email) {
    return """
        {"name":"Ada","email":"%s",
         "address":{"street":"Bahnhofstrasse 1","zip":"8001","city":"Zürich","country":"CH"},
         "creditLimit":1000}""".formatted(email);
  }

  private static String register(String body) throws Exception {
    HttpResponse<String> created = send("POST", "/api/customers", body);
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asString();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> fields(HttpResponse<String> problem) throws Exception {
    List<String> fields = new ArrayList<>();
    JSON.readTree(problem.body()).path("errors")
        .forEach(error -> fields.add(error.path("field").asString()));
    return fields;
  }

  private static void place(String orderId, String customerId, String total) throws Exception {
    BigDecimal amount = new BigDecimal(total);
    OrderEvent placed = OrderEvent.newBuilder()
        .setOrderId(orderId)
        .setCustomerId(customerId)
        .setOccurredAt(Instant.now())
        .setPayload(OrderPlaced.newBuilder()
            .setLines(List.of(new OrderLine("SKU-1", 1, amount)))
            .setTotal(amount)
            .setIdempotencyKey(null)
            .build())
        .build();
    AvroSerde<OrderEvent> serde = AvroSerde.forValues(OrderEvent.class, SERDES, REGISTRY);
    send(Topics.ORDERS, orderId, serde.serialize(Topics.ORDERS.name(), placed));
  }

  private static void send(TopicSpec topic, String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap), new StringSerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
    }
  }

  /** Waits for {@code expected} committed records of {@code topic} with a key that matches. */
  private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic,
                                                                Predicate<String> keys,
                                                                int expected) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await().atMost(PATIENCE).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (keys.test(record.key())) {
            found.add(record);
          }
        }
        return found.size() >= expected;
      });
    }
    return found;
  }


  private static Map<String, List<OrderValidation>> validationsOf(Set<String> orderIds,
                                                                  int expected) {
    AvroSerde<OrderValidation> serde =
        AvroSerde.forValues(OrderValidation.class, SERDES, REGISTRY);
    return recordsOf(Topics.ORDER_VALIDATIONS.name(), orderIds::contains, expected).stream()
        .map(record -> serde.deserialize(record.topic(), record.value()))
        .collect(Collectors.groupingBy(OrderValidation::getOrderId));
  }

  private static <T extends SpecificRecord> List<T> readAll(TopicSpec topic, String key,
                                                           Class<T> type, int expected) {
    AvroSerde<T> serde = AvroSerde.forValues(type, SERDES, REGISTRY);
    return recordsOf(topic.name(), key::equals, expected).stream()
        .map(record -> serde.deserialize(record.topic(), record.value())).toList();
  }

  private static long endOffsets(TopicSpec topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      return consumer.endOffsets(partitions(consumer, topic.name())).values().stream()
          .mapToLong(Long::longValue).sum();
    }
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
        "isolation.level", "read_committed"), new StringDeserializer(),
        new ByteArrayDeserializer());
  }



  private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer,
                                                 String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
  }
}
