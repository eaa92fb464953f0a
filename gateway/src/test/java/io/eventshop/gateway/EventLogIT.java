package io.eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's event log against the shared real broker: records written to a business topic in
 * the registry's wire format show up decoded, in the latest list and live on the stream.
 */
class EventLogIT {

  private static final int SCHEMA_ID = 42;

  private static HttpServer registry;
  private static KafkaProducer<String, byte[]> producer;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(Topics.PRODUCTS.name(), 2, (short) 1))).all().get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    registry = standInRegistry();
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
        new StringSerializer(), new ByteArraySerializer());
    produce("sku-before-start", "Kettle", "12.50");
    gateway = new RunningGateway("--eventshop.gateway.event-log.enabled=true",
        "--eventshop.gateway.event-log.refresh-interval=1s",
        "--eventshop.kafka.bootstrap-servers=" + bootstrap,
        "--eventshop.schema-registry.url=http://127.0.0.1:" + registry.getAddress().getPort());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    producer.close();
    registry.stop(0);
  }

  @Test
  void showsTheLatestEventsOfATopicWithKeyAndDecodedValue() {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      HttpResponse<String> response = gateway.get("/api/events?topic=products");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"key\":\"sku-before-start\"",
          "\"name\":\"Kettle\"", "\"price\":12.50", "\"topic\":\"products\"");
    });
  }

  @Test
  void streamsEachNewEventAsItIsWritten() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    gateway.http().sendAsync(HttpRequest.newBuilder(gateway.uri("/api/events/stream?topic=products"))
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));
    await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
        .anyMatch(line -> line.contains("sku-before-start")));

    produce("sku-live", "Teapot", "8.90");

    await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
        .anyMatch(line -> line.startsWith("data:") && line.contains("\"key\":\"sku-live\"")
            && line.contains("\"price\":8.90")));
  }

  @Test
  void showsAnUndecodableValueWithItsSizeAndTheReason() {
    producer.send(new ProducerRecord<>(Topics.PRODUCTS.name(), "sku-garbage",
        "not avro".getBytes(StandardCharsets.UTF_8)));
    producer.flush();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(gateway.get("/api/events?topic=products").body())
            .contains("\"key\":\"sku-garbage\"", "\"size\":8", "not in the registry's wire format"));
  }

  private static void produce(String sku, String name, String price) throws Exception {
    Product product = Product.newBuilder().setSku(sku).setName(name).setDescription("")
        .setCategory("Kitchen").setPrice(new BigDecimal(price)).setUpdatedAt(Instant.now())
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(SCHEMA_ID).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Product.class).write(product, encoder);
    encoder.flush();
    producer.send(new ProducerRecord<>(Topics.PRODUCTS.name(), sku, out.toByteArray())).get();
  }

  /** Answers {@code GET /schemas/ids/42} with the Product schema, as the registry would. */
  private static HttpServer standInRegistry() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/schemas/ids/" + SCHEMA_ID, exchange -> {
      String schema = Product.getClassSchema().toString().replace("\\", "\\\\")
          .replace("\"", "\\\"");
      byte[] body = ("{\"schema\":\"" + schema + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    return server;
  }
}
