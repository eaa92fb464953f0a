package io.eventshop.customer.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.customer.domain.Address;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerEvent;
import io.eventshop.customer.domain.CustomerStatus;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transactional writer against the real broker, shared by many threads: a write that fails
 * fails alone, and the writes around it commit.
 */
class CustomerWriterIT {

  private static final int WRITERS = 16;
  private static final int WRITES_PER_WRITER = 25;
  /** Small enough that a customer with a long name cannot be sent, large enough for others. */
  private static final int MAX_REQUEST_BYTES = 4_000;
  private static final List<TopicSpec> TOPICS = List.of(Topics.CUSTOMERS, Topics.CUSTOMER_EVENTS);
  private static final InMemorySchemaRegistryClient REGISTRY = SharedSchemaRegistry.INSTANCE;
  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");

  private static String bootstrap;
  private CustomerWriter writer;

  @BeforeAll
  static void createTopics() throws Exception {
    bootstrap = SharedKafka.bootstrapServers();
    SharedKafka.createTopics(TOPICS);
  }

  @BeforeEach
  void createTheWriter() {
    writer = new CustomerWriter(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "customer-writer-it-" + UUID.randomUUID(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES),
        AvroSerde.forValues(io.eventshop.contracts.customer.CustomerEvent.class, SERDES, REGISTRY),
        AvroSerde.forValues(io.eventshop.contracts.customer.Customer.class, SERDES, REGISTRY),
        Duration.ofSeconds(10));
  }

  @AfterEach
  void closeTheWriter() {
    writer.close();
  }

  @Test
  void aWriteThatCannotBeSentFailsAloneWhileTheOthersCommit() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
    Map<String, Throwable> failed = new ConcurrentHashMap<>();
    String oversized = "customer-too-large-" + UUID.randomUUID();
    List<Future<List<String>>> committed = new ArrayList<>();
    for (int thread = 0; thread < WRITERS; thread++) {
      boolean writesTheOversizedOne = thread == WRITERS / 2;
      committed.add(threads.submit(() -> {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WRITES_PER_WRITER; i++) {
          boolean tooLarge = writesTheOversizedOne && i == WRITES_PER_WRITER / 2;
          String id = tooLarge ? oversized : "customer-" + UUID.randomUUID();
          try {
            register(id, tooLarge ? "x".repeat(2 * MAX_REQUEST_BYTES) : "Ada");
            ids.add(id);
          } catch (CustomerWriteFailed e) {
            failed.put(id, e);
          }
        }
        return ids;
      }));
    }
    Set<String> written = new HashSet<>();
    for (Future<List<String>> ids : committed) {
      written.addAll(ids.get());
    }
    threads.shutdown();

    assertThat(failed).containsOnlyKeys(oversized);
    assertThat(failed.get(oversized)).hasRootCauseInstanceOf(RecordTooLargeException.class);
    assertThat(written).hasSize(WRITERS * WRITES_PER_WRITER - 1);
    Set<String> visible = committedKeys(Topics.CUSTOMERS, written.size());
    assertThat(visible).containsAll(written).doesNotContain(oversized);
    assertThat(committedKeys(Topics.CUSTOMER_EVENTS, written.size()))
        .containsAll(written).doesNotContain(oversized);
  }

  // --- helpers ----------------------------------------------------------------------------------

  private void register(String id, String name) {
    Instant now = Instant.now();
    Address address = new Address("Main 1", "8001", "Zürich", "CH");
    BigDecimal limit = new BigDecimal("100.00");
    writer.write(List.of(new CustomerEvent.Registered(id, now, name, "a@example.com", address,
            limit, null)),
        new Customer(id, name, "a@example.com", address, limit, CustomerStatus.ACTIVE, now, now, null));
  }

  /** The keys of committed records of {@code topic}, once at least {@code atLeast} of ours. */
  private static Set<String> committedKeys(TopicSpec topic, int atLeast) {
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
        Map.of("bootstrap.servers", bootstrap, "isolation.level", "read_committed"),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          keys.add(record.key());
        }
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
      });
    }
    assertThat(keys.size()).isGreaterThanOrEqualTo(atLeast);
    return keys;
  }
}
