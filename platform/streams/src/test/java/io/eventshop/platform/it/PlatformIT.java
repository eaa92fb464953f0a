package io.eventshop.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.testshop.TestShop;
import io.eventshop.testing.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform in a running service: a real broker, a real HTTP server. */
class PlatformIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOPIC = "platform-it-" + UUID.randomUUID();
  private static final String GLOBAL_TOPIC = TOPIC + "-global";
  private static ConfigurableApplicationContext shop;
  private static String baseUrl;

  @BeforeAll
  static void startTheShop() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1),
          new NewTopic(TOPIC + ".dlq", 1, (short) 1), new NewTopic(GLOBAL_TOPIC, 1, (short) 1),
          new NewTopic(GLOBAL_TOPIC + ".dlq", 1, (short) 1))).all().get();
    }
    Path stateDir = Files.createTempDirectory("platform-it-state");
    shop = SpringApplication.run(TestShop.class, "--server.port=0",
        "--spring.application.name=" + TOPIC,
        "--eventshop.kafka.bootstrap-servers=" + bootstrap,
        "--eventshop.kafka.state-dir=" + stateDir,
        "--eventshop.http.max-request-body=1KB",
        "--testshop.topic=" + TOPIC, "--testshop.global-topic=" + GLOBAL_TOPIC);
    baseUrl = "http://127.0.0.1:" + shop.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stopTheShop() {
    if (shop != null) {
      shop.close();
    }
  }

  @Test
  void healthIsUpOnlyOnceKafkaStreamsRunsAndShowsItsState() {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      HttpResponse<String> health = get("/actuator/health");
      assertThat(health.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(health.body());
      assertThat(body.path("status").asString()).isEqualTo("UP");
      assertThat(body.path("components").path("kafkaStreams").path("details").path("state")
          .asString()).isEqualTo("RUNNING");
    });
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsProcessed()
      throws Exception {
    sendPoisonThenGood(TOPIC, 7);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get("/api/counts/good").body()).isEqualTo("7"));

    ConsumerRecord<byte[], byte[]> deadLetter = firstRecordOf(TOPIC + ".dlq");
    assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
    assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("abc");
    assertThat(header(deadLetter, DeadLetters.SOURCE_TOPIC)).isEqualTo(TOPIC);
    assertThat(header(deadLetter, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(deadLetter, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(header(deadLetter, DeadLetters.ERROR_CLASS)).contains("SerializationException");
    assertThat(header(deadLetter, DeadLetters.ERROR_MESSAGE)).contains("IntegerDeserializer");
    assertThat(get("/api/counts/poison").statusCode()).isEqualTo(404);
  }

  @Test
  void aPoisonRecordOfAGlobalTableGoesToTheDeadLetterTopicAndTheServiceKeepsServing()
      throws Exception {
    sendPoisonThenGood(GLOBAL_TOPIC, 3);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get("/api/limits/good").body()).isEqualTo("3"));

    ConsumerRecord<byte[], byte[]> deadLetter = firstRecordOf(GLOBAL_TOPIC + ".dlq");
    assertThat(new String(deadLetter.key(), StandardCharsets.UTF_8)).isEqualTo("poison");
    assertThat(header(deadLetter, DeadLetters.SOURCE_TOPIC)).isEqualTo(GLOBAL_TOPIC);
    assertThat(header(deadLetter, DeadLetters.ERROR_CLASS)).contains("SerializationException");
    // The global thread lives on: Kafka Streams reaches RUNNING and stays healthy.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200));
  }

  @Test
  void theOwnerOfAKeyIsThisInstance() throws Exception {
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(get("/api/counts/anything/owner").body()).isEqualTo(baseUrl + " local=true"));
  }

  @Test
  void invalidInputIsAProblemNamingEveryField() throws Exception {
    HttpResponse<String> response = post("/api/counts", "application/json",
        "{\"name\":\"\",\"count\":-1}");

    assertProblem(response, 400);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("errors").findValuesAsString("field")).containsExactly("count", "name");
    assertThat(body.path("detail").asString()).contains("count").contains("name");
  }

  @Test
  void anUnknownFieldIsAProblemNamingIt() throws Exception {
    HttpResponse<String> response = post("/api/counts", "application/json",
        "{\"name\":\"a\",\"count\":1,\"colour\":\"red\"}");

    assertProblem(response, 400);
    assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asString())
        .isEqualTo("colour");
  }

  @Test
  void malformedJsonIsAProblem() throws Exception {
    assertProblem(post("/api/counts", "application/json", "{\"name\":"), 400);
  }

  @Test
  void anOversizeBodyIs413() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(2_000) + "\",\"count\":1}";

    assertProblem(post("/api/counts", "application/json", big), 413);
  }

  @Test
  void theWrongContentTypeIs415() throws Exception {
    assertProblem(post("/api/counts", "text/plain", "name=a"), 415);
  }

  @Test
  void anUnknownRouteIs404AndAWrongMethodIs405() throws Exception {
    assertProblem(get("/api/nothing-here"), 404);
    assertProblem(send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/counts/a"))
        .DELETE().build()), 405);
  }

  @Test
  void aConflictCarriesTheEntityId() throws Exception {
    HttpResponse<String> response = post("/api/counts", "application/json",
        "{\"name\":\"taken\",\"count\":1}");

    assertProblem(response, 409);
    assertThat(JSON.readTree(response.body()).path("id").asString()).isEqualTo("taken");
  }

  @Test
  void aValidRequestIsCreated() throws Exception {
    HttpResponse<String> response = post("/api/counts", "application/json",
        "{\"name\":\"fresh\",\"count\":1}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/counts/fresh");
  }

  @Test
  void prometheusMetricsIncludeKafkaStreamsAndOpenApiDescribesTheApi() throws Exception {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> metrics = get("/actuator/prometheus");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("kafka_stream_").contains("jvm_memory_used_bytes");
    });
    HttpResponse<String> openApi = get("/v3/api-docs");
    assertThat(openApi.statusCode()).isEqualTo(200);
    assertThat(openApi.body()).contains("/api/counts");
  }

  private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.has("title")).isTrue();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static ConsumerRecord<byte[], byte[]> firstRecordOf(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        "bootstrap.servers", SharedKafka.bootstrapServers(),
        "group.id", "platform-it-" + UUID.randomUUID(),
        "auto.offset.reset", "earliest",
        "isolation.level", "read_committed"), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return !records.isEmpty();
      });
      return records.get(0);
    }
  }

  /** A value that is not a 4-byte integer under key "poison", then {@code good} under "good". */
  private static void sendPoisonThenGood(String topic, int good) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
        Map.of("bootstrap.servers", SharedKafka.bootstrapServers()), new ByteArraySerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, 0, bytes("poison"), bytes("abc"))).get();
      producer.send(new ProducerRecord<>(topic, 0, bytes("good"),
          Serdes.Integer().serializer().serialize(topic, good))).get();
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
  }

  private static HttpResponse<String> post(String path, String contentType, String body)
      throws Exception {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
