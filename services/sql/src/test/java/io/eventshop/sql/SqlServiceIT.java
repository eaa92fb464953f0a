package io.eventshop.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.contracts.serde.WireFormat;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The sql service against the shared real broker and registry: a stream over {@code orders}
 * (Avro, columns from the registry), a windowed persistent query whose output topic holds the
 * right counts, a push query with a LIMIT, and statements that cannot run answered 400.
 */
@TestMethodOrder(OrderAnnotation.class)
class SqlServiceIT {

  private static final Duration START = Duration.ofSeconds(240);
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String ADA = "ada-" + RUN;
  private static final String BOB = "bob-" + RUN;
  private static final String OUTPUT = "sql-it-frequent-" + RUN;
  private static final String APPLICATION = "sql-it-" + RUN;
  private static final Path STATE = InProcessService.freshStateDir("sql-it");
  private static long t0;

  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void start() throws Exception {
    SharedKafka.createTopics(Topics.all());
    // Ten minutes ago, on a 30-second boundary: two windows of orders, then one record in every
    // partition two minutes later, which moves each partition's watermark past both windows.
    t0 = (Instant.now().minusSeconds(600).toEpochMilli() / 30_000) * 30_000;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
      send(producer, null, ADA, t0 + 1_000);
      send(producer, null, ADA, t0 + 9_000);
      send(producer, null, BOB, t0 + 12_000);
      send(producer, null, ADA, t0 + 29_000);
      send(producer, null, ADA, t0 + 31_000);
      for (int partition = 0; partition < Topics.ORDERS.partitions(); partition++) {
        send(producer, partition, "closer-" + RUN, t0 + 120_000);
      }
    }
    app = startApp();
  }

  /** The service on the class's application name and state directory, once healthy. */
  private static ConfigurableApplicationContext startApp() {
    long started = System.nanoTime();
    ConfigurableApplicationContext service = InProcessService.startAs(
        new SpringApplicationBuilder(SqlApplication.class), APPLICATION, STATE);
    String url = InProcessService.baseUrl(service);
    await().atMost(START).until(() -> HTTP.send(HttpRequest.newBuilder(
        URI.create(url + "/actuator/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    System.out.printf("sql-it: the service was healthy %d ms after its start%n",
        (System.nanoTime() - started) / 1_000_000);
    return service;
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void aStreamOverOrdersTakesItsColumnsFromTheRegistry() throws Exception {
    HttpResponse<String> created = post("/ksql", "{\"ksql\": \"CREATE STREAM orders_s WITH "
        + "(kafka_topic='orders', value_format='AVRO'); SHOW STREAMS; DESCRIBE orders_s;\"}");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(created.body()).contains("stream orders_s created over topic orders",
        "\"@type\":\"streams\"", "\"name\":\"orders_s\"", "\"name\":\"customerId\"",
        "\"name\":\"payload\"", "\"name\":\"ROWTIME\"");
  }

  @Test
  @Order(2)
  void aWindowedPersistentQueryWritesTheCountsOfEachWindow() throws Exception {
    HttpResponse<String> created = post("/api/sql/ksql", "{\"ksql\": \"CREATE TABLE frequent "
        + "WITH (kafka_topic='" + OUTPUT + "') AS SELECT customerId, COUNT(*) AS orders, "
        + "WINDOWSTART AS windowStart FROM orders_s WINDOW TUMBLING (SIZE 30 SECONDS) "
        + "GROUP BY customerId EMIT CHANGES;\", \"streamsProperties\": "
        + "{\"auto.offset.reset\": \"earliest\"}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(created.body()).contains("CTAS_FREQUENT_");

    await().atMost(WAIT).untilAsserted(() -> assertThat(counts())
        .containsExactlyInAnyOrder(ADA + "=3", BOB + "=1", ADA + "=1"));
    assertThat(SharedSchemaRegistry.INSTANCE.latest(OUTPUT + "-value").schema().getFields())
        .extracting(field -> field.name()).containsExactly("customerId", "orders", "windowStart");
  }

  @Test
  @Order(3)
  void aPushQueryStreamsRowsUntilItsLimit() throws Exception {
    HttpResponse<String> rows = post("/query-stream", "{\"sql\": \"SELECT orderId, customerId,"
        + " payload->OrderPlaced->total AS total FROM orders_s WHERE customerId = '" + ADA
        + "' EMIT CHANGES LIMIT 2;\", \"properties\": {\"auto.offset.reset\": \"earliest\"}}");

    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    List<String> lines = rows.body().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("\"columnNames\":[\"orderId\",\"customerId\",\"total\"]");
    assertThat(lines.get(1)).contains("\"" + ADA + "\"", "12.50");
  }

  @Test
  @Order(3)
  void statementsThatCannotRunAreProblemsNamingTheirLine() throws Exception {
    Map<String, String> bad = Map.of(
        "{\"ksql\": \"SHOW STREAMS;\\nCREATE STREAM x WITH (kafka_topic='t');\"}",
        "line 2:17: CREATE STREAM x needs value_format",
        "{\"ksql\": \"CREATE STREAM y AS SELECT nosuchcolumn FROM orders_s;\"}",
        "nosuchcolumn",
        "{\"ksql\": \"DESCRIBE nowhere;\"}", "no stream or table named nowhere",
        "{\"ksql\": \"CREATE STREAM z WITH (kafka_topic='no-such-topic', value_format='AVRO');\"}",
        "no value schema registered under no-such-topic-value");
    for (var entry : bad.entrySet()) {
      HttpResponse<String> response = post("/ksql", entry.getKey());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
          assertThat(type).contains("application/problem+json"));
      assertThat(response.body()).contains("\"field\":\"ksql\"", entry.getValue());
    }
    HttpResponse<String> push = post("/query-stream",
        "{\"sql\": \"SELECT * FROM nowhere EMIT CHANGES;\"}");
    assertThat(push.statusCode()).isEqualTo(400);
    assertThat(push.body()).contains("\"field\":\"sql\"", "no stream or table named nowhere");
  }

  @Test
  @Order(3)
  void infoAndTheApiDocument() throws Exception {
    assertThat(get("/info").body()).contains("KsqlServerInfo", "Apache Flink 2.3");
    assertThat(get("/v3/api-docs").body()).contains("\"title\":\"SQL API\"", "/ksql",
        "/query-stream");
  }

  @Test
  @Order(4)
  void aRestartResumesThePersistentQueryWithNoDuplicateAndNoMissingRow() throws Exception {
    app.close();
    // One run of the query so far, so one job's checkpoints: the push queries checkpointed apart.
    try (var queries = Files.list(STATE.resolve("flink/checkpoints"))) {
      Path query = queries.filter(path -> path.getFileName().toString()
          .startsWith("CTAS_FREQUENT_")).findFirst().orElseThrow();
      try (var runs = Files.list(query)) {
        assertThat(runs).hasSize(1);
      }
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
      send(producer, null, ADA, t0 + 151_000);
      send(producer, null, ADA, t0 + 170_000);
      for (int partition = 0; partition < Topics.ORDERS.partitions(); partition++) {
        send(producer, partition, "closer-" + RUN, t0 + 300_000);
      }
    }
    app = startApp();

    assertThat(get("/info").body()).contains("\"persistentQueries\":1");
    // The windows of before the restart once each; the closers' window and Ada's new one once.
    await().atMost(WAIT).untilAsserted(() -> assertThat(counts())
        .containsExactlyInAnyOrder(ADA + "=3", BOB + "=1", ADA + "=1",
            "closer-" + RUN + "=" + Topics.ORDERS.partitions(), ADA + "=2"));
  }

  @Test
  @Order(3)
  void aRecordThatCannotBeReadGoesToTheDeadLetterTopicAndTheQueryCarriesOn() throws Exception {
    String topic = "sql-it-poison-" + RUN;
    byte[] poison = "not avro at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedKafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
      send(producer, topic, null, "before-" + RUN, t0);
      producer.send(new ProducerRecord<>(topic, "poison", poison)).get();
      send(producer, topic, null, "after-" + RUN, t0 + 1_000);
    }
    assertThat(post("/ksql", "{\"ksql\": \"CREATE STREAM poison_s WITH (kafka_topic='" + topic
        + "', value_format='AVRO');\"}").statusCode()).isEqualTo(200);

    HttpResponse<String> rows = post("/query-stream", "{\"sql\": \"SELECT customerId FROM "
        + "poison_s EMIT CHANGES LIMIT 2;\", \"properties\": {\"auto.offset.reset\": "
        + "\"earliest\"}}");

    assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
    assertThat(rows.body().lines().skip(1)).containsExactly("[\"before-" + RUN + "\"]",
        "[\"after-" + RUN + "\"]");
    List<ConsumerRecord<String, byte[]>> deadLetters = Collections.synchronizedList(
        new ArrayList<>());
    TopicTail.readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedKafka.bootstrapServers()), List.of(topic + Topics.DEAD_LETTER_SUFFIX),
        deadLetters::add);
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.value()).isEqualTo(poison);
      assertThat(new String(letter.headers().lastHeader(DeadLetters.SOURCE_TOPIC).value(),
          java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(topic);
      assertThat(letter.headers().lastHeader(DeadLetters.ERROR_CLASS)).isNotNull();
    });
  }

  /** The output topic's rows as customer=count. */
  private static List<String> counts() {
    List<String> counts = Collections.synchronizedList(new ArrayList<>());
    TopicTail.readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        SharedKafka.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        List.of(OUTPUT), record -> {
          int id = WireFormat.schemaId("a count", OUTPUT, record.value());
          GenericRecord value = new GenericDatumReader<GenericRecord>(
              SharedSchemaRegistry.INSTANCE.getById(id)).read(null, DecoderFactory.get()
              .binaryDecoder(record.value(), WireFormat.HEADER_SIZE,
                  record.value().length - WireFormat.HEADER_SIZE, null));
          counts.add(value.get("customerId") + "=" + value.get("orders"));
        });
    return counts;
  }

  private static void send(KafkaProducer<String, byte[]> producer, Integer partition,
                           String customer, long timestamp) throws Exception {
    send(producer, Topics.ORDERS.name(), partition, customer, timestamp);
  }

  private static void send(KafkaProducer<String, byte[]> producer, String topic,
                           Integer partition, String customer, long timestamp) throws Exception {
    String order = "order-" + UUID.randomUUID();
    OrderEvent event = new OrderEvent(order, customer, Instant.ofEpochMilli(timestamp),
        new OrderPlaced(List.of(new OrderLine("mug-1", 1, new BigDecimal("12.50"))),
            new BigDecimal("12.50"), null));
    byte[] value = AvroSerde.forValues(OrderEvent.class, SERDES, SharedSchemaRegistry.INSTANCE)
        .serialize(topic, event);
    producer.send(new ProducerRecord<>(topic, partition, timestamp, order, value)).get();
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(InProcessService.baseUrl(app) + path))
        .timeout(WAIT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(InProcessService.baseUrl(app) + path))
        .timeout(WAIT).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
