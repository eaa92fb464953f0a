package io.eventshop.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.OrderIds;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.streams.StreamsApp;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import io.eventshop.testing.StreamsStartLog;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A clean stop (what SIGTERM does: Spring closes the context, and with it Kafka Streams) leaves
 * state that the next start on the same state directory uses as it is: no task is found corrupted
 * and no store is rebuilt from its changelog.
 */
class CustomerRestartIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  /** customers (its topic is the changelog), credit-in-use, checked-orders, recent orders. */
  private static final int STORES_PER_TASK = 4;

  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");

  private static String bootstrap;

  @BeforeAll
  static void createTopics() throws Exception {
    bootstrap = SharedKafka.bootstrapServers();
    SharedKafka.createTopics(Topics.all());
  }

  @Test
  void aCleanStopLeavesStateTheNextStartUsesWithoutRestoringIt() throws Exception {
    String application = "customer-restart-it-" + UUID.randomUUID();
    Path stateDir = Files.createTempDirectory("customer-restart-it-state");

    StreamsStartLog firstRun = new StreamsStartLog();
    try (ConfigurableApplicationContext first = start(application, stateDir, firstRun)) {
      // A customer in every task's customer table, so that a task rebuilt from scratch restores
      // at least one record; orders for one of them only, so that most tasks check no order.
      String customerId = registerOneInEveryPartition(first);
      OrderIds orderIds = new OrderIds();
      Set<String> orders = Set.of(orderIds.mintFor(customerId), orderIds.mintFor(customerId));
      for (String orderId : orders) {
        place(orderId, customerId);
      }
      await().atMost(PATIENCE).until(() -> validationsOf(orders) == 2 * orders.size());
    }

    StreamsStartLog secondRun = new StreamsStartLog();
    try (ConfigurableApplicationContext second = start(application, stateDir, secondRun)) {
      // Each store of each task says when it has caught up with its changelog.
      await().atMost(PATIENCE).until(() ->
          second.getBean(StreamsApp.class).state() == State.RUNNING
              && secondRun.restoreLines().size() >= STORES_PER_TASK * Topics.ORDERS.partitions());

      assertThat(secondRun.errorLines()).isEmpty();
      assertThat(secondRun.lines()).noneMatch(line -> line.contains("corrupted"));
      assertThat(secondRun.recordsRestoredIntoPersistentStores())
          .as("records restored at the second start: %s", secondRun.restoreLines()).isZero();
    }
  }

  // --- helpers ----------------------------------------------------------------------------------

  /** Starts the service; {@code log} sees every line from its logging set-up on. */
  private static ConfigurableApplicationContext start(String application, Path stateDir,
                                                      StreamsStartLog log) {
    return InProcessService.startAs(new SpringApplicationBuilder(CustomerApplication.class)
            .initializers(context -> log.attach()),
        application, stateDir, StreamsStartLog.LEVELS);
  }

  /** How many committed validations of {@code orderIds} there are. */
  private static long validationsOf(Set<String> orderIds) {
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDER_VALIDATIONS.name())
          .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long found = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (orderIds.contains(record.key())) {
            found++;
          }
        }
      }
      return found;
    }
  }

  /** Registers customers until each partition of {@code customers} has one; returns the first. */
  private static String registerOneInEveryPartition(ConfigurableApplicationContext service)
      throws Exception {
    String baseUrl = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    await().atMost(PATIENCE).until(() -> HTTP.send(HttpRequest.newBuilder(
        URI.create(baseUrl + "/actuator/health")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    Set<Integer> partitions = new HashSet<>();
    String first = null;
    while (partitions.size() < Topics.CUSTOMERS.partitions()) {
      HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
              URI.create(baseUrl + "/api/customers"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("""
              {"name":"Grace","email":"grace.restart@example.com",
               "address":{"street":"Bahnhofstrasse 1","zip":"8001","city":"Zürich","country":"CH"},
               "creditLimit":1000}""")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      String id = created.headers().firstValue("Location").orElseThrow()
          .substring("/api/customers/".length());
      partitions.add(OrderIds.partitionOf(id, Topics.CUSTOMERS.partitions()));
      first = first == null ? id : first;
    }
    return first;
  }

  private static void place(String orderId, String customerId) throws Exception {
    BigDecimal amount = new BigDecimal("10.00");
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
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap), new StringSerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.ORDERS.name(), orderId,
          serde.serialize(Topics.ORDERS.name(), placed))).get();
    }
  }
}
