package io.eventshop.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.order.Validator;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
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

/**
 * A {@code waitFor} caller hears an outcome only once its transaction has committed. The service
 * runs with commits minutes apart, so the aggregator's decision stays inside an open transaction;
 * the test then fences that transaction (as a newer instance would), which aborts it.
 */
class UncommittedOutcomeIT {

  private static final Duration START = Duration.ofSeconds(180);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MUG = "mug-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String APPLICATION = "order-uncommitted-it-" + UUID.randomUUID();

  private static ConfigurableApplicationContext app;
  private static UpstreamEvents upstream;
  private static Admin admin;

  @BeforeAll
  static void start() throws Exception {
    SharedKafka.createTopics(Topics.all());
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedKafka.bootstrapServers()));
    upstream = new UpstreamEvents();
    upstream.product(MUG, "Mug", "4.50");
    // Streams refuses a commit interval above its producers' transaction timeout.
    Path clientProperties = Files.createTempFile("order-uncommitted-it", ".properties");
    Files.writeString(clientProperties, "producer.transaction.timeout.ms=600000\n");

    app = InProcessService.startAs(new SpringApplicationBuilder(OrderApplication.class),
        APPLICATION, InProcessService.freshStateDir("order-uncommitted-it"),
        "--eventshop.kafka.client-properties-file=" + clientProperties,
        "--eventshop.kafka.commit-interval=10m",
        "--eventshop.order.validation-timeout=10m");
    await().atMost(START).until(() -> get("/actuator/health").statusCode() == 200);
    await().atMost(START).until(() -> placeOrder().statusCode() == 202);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable open : new AutoCloseable[] {app, upstream, admin}) {
      if (open != null) {
        try {
          open.close();
        } catch (Exception ignored) {
          // closing after the test; nothing left to check
        }
      }
    }
  }

  @Test
  void aWaiterIsNotToldAnOutcomeWhoseTransactionAborts() throws Exception {
    String id = idOf(placeOrder());
    CompletableFuture<HttpResponse<String>> waiting =
        getAsync("/api/orders/" + id + "?waitFor=FINAL&timeout=5s");

    for (Validator validator : Validator.values()) {
      upstream.validation(new OrderValidation(id, "c", validator, true, List.of(), null,
          Instant.now()));
    }
    // The aggregator has decided and written OrderValidated, inside a transaction still open.
    Set<String> open = await().atMost(WAIT)
        .until(UncommittedOutcomeIT::openTransactionsWritingOrders, writing -> !writing.isEmpty());
    admin.fenceProducers(open).all().get();

    HttpResponse<String> answer = waiting.get();
    assertThat(committedEventsOf(id))
        .noneMatch(event -> event.getPayload() instanceof OrderValidated);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"state\":\"PLACED\"").doesNotContain("VALIDATED");
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The service's transactions that are open and have written to {@code orders}. */
  private static Set<String> openTransactionsWritingOrders() throws Exception {
    List<String> ongoing = admin.listTransactions(new ListTransactionsOptions()
            .filterStates(Set.of(TransactionState.ONGOING))).all().get().stream()
        .map(TransactionListing::transactionalId)
        .filter(transactionalId -> transactionalId.startsWith(APPLICATION)).toList();
    if (ongoing.isEmpty()) {
      return Set.of();
    }
    Map<String, TransactionDescription> described =
        admin.describeTransactions(ongoing).all().get();
    return described.entrySet().stream()
        .filter(entry -> entry.getValue().topicPartitions().stream()
            .anyMatch(partition -> partition.topic().equals(Topics.ORDERS.name())))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** What a read_committed reader finds in {@code orders} for the order, read to the end. */
  private static List<OrderEvent> committedEventsOf(String orderId) {
    AvroSerde<OrderEvent> events = AvroSerde.forValues(OrderEvent.class, SERDES, REGISTRY);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", SharedKafka.bootstrapServers(), "isolation.level", "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<OrderEvent> found = new ArrayList<>();
      await().atMost(WAIT).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (orderId.equals(record.key())) {
            found.add(events.deserialize(record.topic(), record.value()));
          }
        }
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
      return found;
    }
  }

  private static HttpResponse<String> placeOrder() throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/orders")).timeout(WAIT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"customer-"
            + UUID.randomUUID().toString().substring(0, 8) + "\",\"lines\":[{\"sku\":\"" + MUG
            + "\",\"quantity\":1}]}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String idOf(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return getAsync(path).get();
  }

  private static CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(WAIT)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String baseUrl() {
    return "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }
}
