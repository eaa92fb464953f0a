package io.eventshop.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.testing.SharedKafka;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.junit.jupiter.api.Test;

class FlinkSpikeIT {

  @Test
  void oneSharedMiniClusterReadsATopicAndWritesAnother() throws Exception {
    String in = "spike-in-" + UUID.randomUUID();
    String out = "spike-out-" + UUID.randomUUID();
    String bootstrap = SharedKafka.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(in, 1, (short) 1), new NewTopic(out, 1, (short) 1)))
          .all().get();
    }
    try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrap),
        new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(in, "k" + i, "{\"id\":\"k" + i + "\",\"n\":" + i + "}"))
            .get();
      }
    }
    long started = System.nanoTime();
    try (FlinkEnvironment flink = FlinkEnvironment.local(4,
        Files.createTempDirectory("flink-spike"), Map.of())) {
      System.out.printf("spike: mini-cluster up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      TableEnvironment tables = flink.tables();
      tables.executeSql("CREATE TABLE src (id STRING, n INT) WITH ('connector'='kafka','topic'='"
          + in + "','properties.bootstrap.servers'='" + bootstrap
          + "','scan.startup.mode'='earliest-offset','format'='json')");
      for (String sink : List.of("dst1", "dst2")) {
        tables.executeSql("CREATE TABLE " + sink + " (id STRING, n INT) WITH ('connector'='kafka',"
            + "'topic'='" + out + "','properties.bootstrap.servers'='" + bootstrap
            + "','format'='json','sink.delivery-guarantee'='exactly-once',"
            + "'properties.transaction.timeout.ms'='300000',"
            + "'sink.transactional-id-prefix'='spike-" + UUID.randomUUID() + "')");
      }
      TableResult first = tables.executeSql("INSERT INTO dst1 SELECT id, n * 10 FROM src WHERE n > 1");
      TableResult second = tables.executeSql("INSERT INTO dst2 SELECT id, n FROM src WHERE n = 0");
      List<String> seen = new ArrayList<>();
      try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, "spike-" + UUID.randomUUID(),
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(out));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
          assertThat(seen).hasSize(4);
        });
      }
      System.out.printf("spike: %s; rows %s after %d ms%n", flink.description(), seen,
          (System.nanoTime() - started) / 1_000_000);
      first.getJobClient().orElseThrow().cancel().get();
      second.getJobClient().orElseThrow().cancel().get();
    }
  }
}
