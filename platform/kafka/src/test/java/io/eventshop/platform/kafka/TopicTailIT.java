package io.eventshop.platform.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.EventshopProperties.Kafka;
import io.eventshop.platform.EventshopProperties.SchemaRegistry;
import io.eventshop.testing.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The background consumer against a real broker: views, read-your-writes, poison, groups. */
class TopicTailIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static KafkaClients clients;
  private static DeadLetters deadLetters;
  private final List<TopicTail> tails = new ArrayList<>();

  @BeforeAll
  static void connect() {
    clients = new KafkaClients(new EventshopProperties(
        new Kafka(SharedKafka.bootstrapServers(), null, null, Duration.ofMillis(10), 1,
            "127.0.0.1"),
        new SchemaRegistry("http://127.0.0.1:9", true, false), 1), "tail-it");
    deadLetters = new DeadLetters(clients);
  }

  @AfterEach
  void closeTails() {
    tails.forEach(TopicTail::close);
  }

  @Test
  void aViewReadsEveryPartitionFromTheBeginningAndSaysWhenItHasCaughtUp() throws Exception {
    String topic = newTopic(3);
    for (int i = 0; i < 30; i++) {
      send(topic, "key-" + i, "value-" + i);
    }
    List<String> seen = new CopyOnWriteArrayList<>();

    TopicTail tail = started(TopicTail.of("view", clients, topic)
        .onRecord(record -> seen.add(record.key() + "=" + text(record))).build(deadLetters));

    assertThat(tail.awaitCaughtUp(WAIT)).isTrue();
    assertThat(seen).hasSize(30).contains("key-0=value-0", "key-29=value-29");
  }

  @Test
  void aWriterCanWaitUntilTheTailHasReadItsRecord() throws Exception {
    String topic = newTopic(2);
    List<String> seen = new CopyOnWriteArrayList<>();
    TopicTail tail = started(TopicTail.of("view", clients, topic)
        .onRecord(record -> seen.add(text(record))).build(deadLetters));

    RecordMetadata written = send(topic, "customer-7", "written");
    boolean readBack = tail.awaitReadPast(
        new TopicPartition(topic, written.partition()), written.offset(), WAIT);

    assertThat(readBack).isTrue();
    assertThat(seen).contains("written");
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndTheTailCarriesOn() throws Exception {
    String topic = newTopic(1);
    newTopic(topic + ".dlq", 1);
    List<String> seen = new CopyOnWriteArrayList<>();
    started(TopicTail.of("view", clients, topic).onRecord(record -> {
      if (text(record).equals("poison")) {
        throw new IllegalArgumentException("not a number");
      }
      seen.add(text(record));
    }).build(deadLetters));

    send(topic, "a", "poison");
    send(topic, "b", "fine");

    await().atMost(WAIT).until(() -> seen.contains("fine"));
    ConsumerRecord<byte[], byte[]> deadLetter = firstRecordOf(topic + ".dlq");
    assertThat(new String(deadLetter.value(), UTF_8)).isEqualTo("poison");
    assertThat(new String(deadLetter.headers().lastHeader(DeadLetters.ERROR_MESSAGE).value(),
        UTF_8)).isEqualTo("not a number");
  }

  @Test
  void aTailInAGroupResumesAfterWhatItHandledBefore() throws Exception {
    String topic = newTopic(2);
    String group = "sink-" + UUID.randomUUID();
    List<String> first = new CopyOnWriteArrayList<>();
    TopicTail before = started(TopicTail.of("sink", clients, topic).inGroup(group)
        .onRecord(record -> first.add(text(record))).build(deadLetters));
    send(topic, "a", "one");
    send(topic, "b", "two");
    await().atMost(WAIT).until(() -> first.size() == 2);
    before.close();

    send(topic, "c", "three");
    List<String> second = new CopyOnWriteArrayList<>();
    started(TopicTail.of("sink", clients, topic).inGroup(group)
        .onRecord(record -> second.add(text(record))).build(deadLetters));

    await().atMost(WAIT).until(() -> second.contains("three"));
    assertThat(second).containsExactly("three");
  }

  @Test
  void aTailResumesAtOffsetsItsReaderStoredAndHearsOfEachHandledPoll() throws Exception {
    String topic = newTopic(1);
    for (String value : List.of("zero", "one", "two", "three")) {
      send(topic, "k", value);
    }
    List<String> seen = new CopyOnWriteArrayList<>();
    List<Integer> seenAtPollEnd = new CopyOnWriteArrayList<>();

    TopicTail tail = started(TopicTail.of("sink", clients, topic)
        .resumingAt(Map.of(new TopicPartition(topic, 0), 2L))
        .onRecord(record -> seen.add(text(record)))
        .afterEachPoll(() -> seenAtPollEnd.add(seen.size()))
        .build(deadLetters));

    assertThat(tail.awaitCaughtUp(WAIT)).isTrue();
    assertThat(seen).containsExactly("two", "three");
    // called once the poll's records were all handled, before the tail says it read them
    assertThat(seenAtPollEnd).isNotEmpty().last().isEqualTo(2);
  }

  @Test
  void aStoredOffsetPastTheEndOfAPartitionReadsItFromTheStart() throws Exception {
    String topic = newTopic(1);
    send(topic, "k", "only");
    List<String> seen = new CopyOnWriteArrayList<>();

    TopicTail tail = started(TopicTail.of("sink", clients, topic)
        .resumingAt(Map.of(new TopicPartition(topic, 0), 40L))
        .onRecord(record -> seen.add(text(record))).build(deadLetters));

    assertThat(tail.awaitCaughtUp(WAIT)).isTrue();
    assertThat(seen).containsExactly("only");
  }

  @Test
  void aLogViewStartsAtTheLastRecordsAndPicksUpTopicsCreatedLater() throws Exception {
    String existing = newTopic(1);
    String later = "later-" + UUID.randomUUID();
    for (int i = 1; i <= 5; i++) {
      send(existing, "k", "old-" + i);
    }
    List<String> seen = new CopyOnWriteArrayList<>();
    started(TopicTail.of("log", clients, () -> List.of(existing, later))
        .startingAt(TopicTail.Start.last(2)).refreshingEvery(Duration.ofMillis(200))
        .readUncommitted().skipPoison().onRecord(record -> seen.add(text(record))).build());
    await().atMost(WAIT).until(() -> seen.size() == 2);
    assertThat(seen).containsExactly("old-4", "old-5");

    newTopic(later, 1);
    send(later, "k", "new");

    await().atMost(WAIT).until(() -> seen.contains("new"));
  }

  @Test
  void readToEndReadsWhatTheTopicsHoldAndReturns() {
    String topic = newTopic(3);
    for (int i = 0; i < 12; i++) {
      send(topic, "key-" + i, "value-" + i);
    }
    List<String> seen = new ArrayList<>();

    TopicTail.readToEnd(clients.consumer("restore"), List.of(topic),
        record -> seen.add(text(record)));

    assertThat(seen).hasSize(12);
  }

  private TopicTail started(TopicTail tail) {
    tails.add(tail);
    tail.start();
    return tail;
  }

  private static String newTopic(int partitions) {
    return newTopic("tail-" + UUID.randomUUID(), partitions);
  }

  private static String newTopic(String name, int partitions) {
    try (Admin admin = Admin.create(clients.admin())) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  private static RecordMetadata send(String topic, String key, String value) {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(clients.producer("test"),
        new StringSerializer(), new ByteArraySerializer())) {
      return producer.send(new ProducerRecord<>(topic, key, value.getBytes(UTF_8))).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConsumerRecord<byte[], byte[]> firstRecordOf(String topic) {
    Map<String, Object> config = clients.consumer("dlq-check-" + UUID.randomUUID());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      await().atMost(WAIT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return !records.isEmpty();
      });
      return records.get(0);
    }
  }

  private static String text(ConsumerRecord<String, byte[]> record) {
    return new String(record.value(), UTF_8);
  }
}
