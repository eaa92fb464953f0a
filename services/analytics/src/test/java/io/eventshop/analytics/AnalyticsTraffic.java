package io.eventshop.analytics;

import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.testing.InProcessService;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

/** What the analytics ITs that start their own instances send and ask. */
final class AnalyticsTraffic {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");

  private AnalyticsTraffic() {
  }

  /** Writes {@code value} to {@code topic} as the shop's producers do, and waits for the ack. */
  static void send(String topic, String key, SpecificRecord value) throws Exception {
    @SuppressWarnings("unchecked")
    Class<SpecificRecord> type = (Class<SpecificRecord>) value.getClass();
    AvroSerde<SpecificRecord> serde = AvroSerde.forValues(type, SERDES,
        SharedSchemaRegistry.INSTANCE);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
        new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, serde.serialize(topic, value))).get();
    }
  }

  /** The body of {@code GET path} on {@code service}. */
  static String get(ConfigurableApplicationContext service, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(InProcessService.baseUrl(service) + path))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** Whether {@code service} answers its health endpoint with 200. */
  static boolean healthy(ConfigurableApplicationContext service) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(InProcessService.baseUrl(service)
        + "/actuator/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
  }
}
