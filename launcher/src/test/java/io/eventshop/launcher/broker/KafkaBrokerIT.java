package io.eventshop.launcher.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

  @TempDir
  Path dataDir;

  @Test
  void keepsRecordsAcrossARestartOfTheBroker() throws Exception {
    KafkaBroker.Settings settings = new KafkaBroker.Settings(dataDir, "127.0.0.1", freePort(),
        freePort(), KafkaBroker.buildClasspath(), dataDir.resolve("kafka.log"), "512m", List.of());

    try (KafkaBroker broker = KafkaBroker.start(settings, Duration.ofSeconds(90))) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (var producer = new KafkaProducer<>(Map.<String, Object>of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
          new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
      }
    }
    assertThat(Files.readString(dataDir.resolve("kafka.log"))).contains("Formatting");

    try (KafkaBroker broker = KafkaBroker.start(settings, Duration.ofSeconds(90));
         var consumer = new KafkaConsumer<>(Map.<String, Object>of(
             ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
             ConsumerConfig.GROUP_ID_CONFIG, "restart-check",
             ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
             new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("kept"));
      ConsumerRecords<String, String> records = ConsumerRecords.empty();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        records = consumer.poll(Duration.ofMillis(500));
      }
      assertThat(records).extracting(r -> r.value()).containsExactly("before restart");
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
