package io.eventshop.gateway.clicks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.gateway.GatewayApplication;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
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
 * The click collector against the shared real broker: a batch lands on {@code clickstream} as
 * Avro, keyed by the visitor's cookie; a bad batch is answered 400 naming the field and nothing
 * of it is written.
 */
class ClickCollectorIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AvroSerde<ClickEvent> CLICKS = AvroSerde.forValues(ClickEvent.class,
      SerdeConfig.autoRegistering("http://in-memory"), SharedSchemaRegistry.INSTANCE);

  private static ConfigurableApplicationContext gateway;
  private static KafkaConsumer<String, byte[]> clickstream;
  private static final List<ConsumerRecord<String, ClickEvent>> seen = new ArrayList<>();

  @BeforeAll
  static void start() {
    SharedKafka.createTopics(List.of(Topics.CLICKSTREAM));
    gateway = InProcessService.start(new SpringApplicationBuilder(GatewayApplication.class),
        "gateway-clicks-it",
        "--eventshop.gateway.services.product=http://127.0.0.1:1",
        "--eventshop.gateway.event-log.enabled=false");
    clickstream = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
        new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = clickstream.partitionsFor(Topics.CLICKSTREAM.name())
        .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    clickstream.assign(partitions);
    clickstream.seekToBeginning(partitions);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (clickstream != null) {
      clickstream.close();
    }
  }

  @Test
  void aBatchLandsOnTheClickstreamKeyedByTheVisitorsCookie() throws Exception {
    Instant viewed = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    HttpResponse<String> first = post(null, "application/json", """
        {"clicks": [
          {"action": "PRODUCT_VIEW", "page": "#/shop", "sku": "mug", "occurredAt": "%s"},
          {"action": "ADD_TO_CART", "page": "#/shop", "sku": "mug", "quantity": 2}]}
        """.formatted(viewed));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    String cookie = first.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).startsWith(VisitorCookie.NAME + "=").containsIgnoringCase("HttpOnly");
    String visitor = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

    // What sendBeacon sends: the same JSON as text/plain, with the cookie the browser keeps.
    HttpResponse<String> second = post(visitor, "text/plain;charset=UTF-8",
        "{\"clicks\": [{\"action\": \"CHECKOUT\", \"page\": \"#/cart\", \"orderId\": \"o-1\"}]}");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
    assertThat(second.headers().firstValue("set-cookie")).isEmpty();

    List<ConsumerRecord<String, ClickEvent>> clicks = awaitClicksOf(visitor, 3);
    assertThat(clicks).extracting(r -> r.value().getAction()).containsExactly(
        ClickAction.PRODUCT_VIEW, ClickAction.ADD_TO_CART, ClickAction.CHECKOUT);
    assertThat(clicks.get(0).value().getOccurredAt()).isEqualTo(viewed);
    assertThat(clicks.get(0).timestamp()).as("the record's timestamp is the event time")
        .isEqualTo(viewed.toEpochMilli());
    assertThat(clicks.get(1).value().getQuantity()).isEqualTo(2);
    assertThat(clicks.get(2).value().getOrderId()).isEqualTo("o-1");
    assertThat(clicks).extracting(r -> r.value().getVisitorId()).containsOnly(visitor);
  }

  @Test
  void theShopPageGivesANewBrowserItsVisitorCookieBeforeAnyClick() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
        URI.create(InProcessService.baseUrl(gateway) + "/")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String cookie = page.headers().firstValue("set-cookie").orElseThrow();
    assertThat(cookie).startsWith(VisitorCookie.NAME + "=").containsIgnoringCase("HttpOnly");
    String visitor = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));

    HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(
            URI.create(InProcessService.baseUrl(gateway) + "/"))
        .header("Cookie", VisitorCookie.NAME + "=" + visitor).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> clicks = post(visitor, "application/json",
        "{\"clicks\": [{\"action\": \"PAGE_VIEW\", \"page\": \"#/shop\"}]}");

    assertThat(again.headers().firstValue("set-cookie")).isEmpty();
    assertThat(clicks.headers().firstValue("set-cookie")).isEmpty();
    assertThat(awaitClicksOf(visitor, 1)).extracting(r -> r.value().getAction())
        .containsExactly(ClickAction.PAGE_VIEW);
  }

  @Test
  void aBadBatchIsAnsweredWithTheFieldsAndNothingOfItIsWritten() throws Exception {
    String visitor = UUID.randomUUID().toString();
    HttpResponse<String> bad = post(visitor, "application/json", """
        {"clicks": [
          {"action": "PAGE_VIEW", "page": "#/shop"},
          {"action": "PRODUCT_VIEW"},
          {"action": "TELEPORT"}]}
        """);
    HttpResponse<String> unreadable = post(visitor, "application/json",
        "{\"clicks\": [{\"action\": \"PAGE_VIEW\", \"occurredAt\": \"yesterday\"}]}");
    HttpResponse<String> notJson = post(visitor, "application/json", "clicks=1");
    // A good batch after them: once it is there, the bad ones would have been too.
    assertThat(post(visitor, "application/json",
        "{\"clicks\": [{\"action\": \"SEARCH\", \"query\": \"mug\"}]}").statusCode())
        .isEqualTo(202);

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(bad.body()).contains("\"clicks[1].sku\"", "\"clicks[2].action\"")
        .doesNotContain("clicks[0]");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.body()).contains("\"clicks[0].occurredAt\"");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(awaitClicksOf(visitor, 1)).extracting(r -> r.value().getAction())
        .containsExactly(ClickAction.SEARCH);
  }

  private static HttpResponse<String> post(String visitor, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(InProcessService.baseUrl(gateway) + "/api/events/clicks"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (visitor != null) {
      request.header("Cookie", VisitorCookie.NAME + "=" + visitor);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until {@code visitor} has at least {@code count} clicks; then they are all there. */
  private static List<ConsumerRecord<String, ClickEvent>> awaitClicksOf(String visitor,
                                                                        int count) {
    await().atMost(WAIT).until(() -> {
      poll();
      return clicksOf(visitor).size() >= count;
    });
    // Anything written by the same requests is in the same acknowledged batch: poll once more.
    poll();
    return clicksOf(visitor);
  }

  private static void poll() {
    for (var record : clickstream.poll(Duration.ofMillis(200))) {
      seen.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
          record.timestamp(), record.timestampType(), record.serializedKeySize(),
          record.serializedValueSize(), record.key(),
          CLICKS.deserialize(record.topic(), record.value()), record.headers(),
          record.leaderEpoch()));
    }
  }

  private static List<ConsumerRecord<String, ClickEvent>> clicksOf(String visitor) {
    return seen.stream().filter(record -> visitor.equals(record.key())).toList();
  }
}
