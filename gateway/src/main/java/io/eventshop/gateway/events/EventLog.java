package io.eventshop.gateway.events;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.gateway.GatewayProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The event store made visible: one consumer, outside any group, tails every partition of the
 * business topics from the last {@code events-per-topic} records on, keeps that many per topic in
 * memory and publishes each new one to live subscribers. Reads uncommitted records too: a log
 * view, not a business decision. Topics that appear later are picked up on the next refresh.
 */
public class EventLog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int FOLLOWER_BUFFER = 1024;

  private final GatewayProperties properties;
  private final AvroValueDecoder decoder;
  private final int perTopic;
  private final Map<String, Deque<EventLogEntry>> latest = new LinkedHashMap<>();
  private final Sinks.Many<EventLogEntry> live = Sinks.many().multicast().directBestEffort();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile Thread thread;

  public EventLog(GatewayProperties properties, AvroValueDecoder decoder) {
    this.properties = properties;
    this.decoder = decoder;
    this.perTopic = properties.gateway().eventLog().eventsPerTopic();
    topicNames().forEach(topic -> latest.put(topic, new ArrayDeque<>()));
  }

  /** The topics this log shows, in catalogue order. */
  public static List<String> topicNames() {
    return Topics.business().stream().map(TopicSpec::name).toList();
  }

  /** The latest events of {@code topic} (all topics when null), oldest first, at most {@code limit}. */
  public List<EventLogEntry> latest(String topic, int limit) {
    List<EventLogEntry> events = new ArrayList<>();
    synchronized (latest) {
      latest.forEach((name, entries) -> {
        if (topic == null || topic.equals(name)) {
          events.addAll(entries);
        }
      });
    }
    events.sort(Comparator.comparing(EventLogEntry::timestamp)
        .thenComparing(EventLogEntry::topic).thenComparingLong(EventLogEntry::offset));
    return events.subList(Math.max(0, events.size() - limit), events.size());
  }

  /**
   * The latest events of {@code topic} (all topics when null), then every new one as it is read;
   * none lost or repeated between the two, as both are taken under the same lock as {@link #add}.
   * A subscriber too slow to keep up {@value #FOLLOWER_BUFFER} events behind misses events.
   */
  public Flux<EventLogEntry> follow(String topic) {
    return Flux.defer(() -> {
      Sinks.Many<EventLogEntry> buffer = Sinks.many().unicast()
          .onBackpressureBuffer(Queues.<EventLogEntry>get(FOLLOWER_BUFFER).get());
      List<EventLogEntry> backlog;
      Disposable following;
      synchronized (latest) {
        backlog = latest(topic, Integer.MAX_VALUE);
        following = live.asFlux()
            .filter(entry -> topic == null || topic.equals(entry.topic()))
            .subscribe(buffer::tryEmitNext);
      }
      return Flux.fromIterable(backlog).concatWith(buffer.asFlux())
          .doFinally(signal -> following.dispose());
    });
  }

  @Override
  public void start() {
    if (!properties.gateway().eventLog().enabled()) {
      return;
    }
    thread = new Thread(this::tail, "event-log");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    stopped.countDown();
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    Thread running = thread;
    if (running != null) {
      try {
        running.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  private void tail() {
    Duration refresh = properties.gateway().eventLog().refreshInterval();
    try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig(),
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = kafka;
      Set<TopicPartition> assigned = new HashSet<>();
      long nextRefresh = 0;
      while (stopped.getCount() > 0) {
        if (System.nanoTime() >= nextRefresh) {
          assignNewPartitions(kafka, assigned);
          nextRefresh = System.nanoTime() + refresh.toNanos();
        }
        if (assigned.isEmpty()) {
          // Nothing to read yet (no broker, or topics not created): wait for the next refresh.
          stopped.await(refresh.toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        kafka.poll(POLL).forEach(this::add);
      }
    } catch (WakeupException | InterruptedException e) {
      log.debug("event log stopped");
    } catch (RuntimeException e) {
      log.error("event log stopped by an error; the admin view will show no new events", e);
    }
  }

  private void assignNewPartitions(KafkaConsumer<String, byte[]> kafka,
                                   Set<TopicPartition> assigned) {
    List<TopicPartition> added = new ArrayList<>();
    try {
      Map<String, List<PartitionInfo>> existing = kafka.listTopics(Duration.ofSeconds(5));
      for (String topic : topicNames()) {
        existing.getOrDefault(topic, List.of()).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .filter(partition -> !assigned.contains(partition))
            .forEach(added::add);
      }
      if (added.isEmpty()) {
        return;
      }
      Set<TopicPartition> all = new HashSet<>(assigned);
      all.addAll(added);
      kafka.assign(all);
      Map<TopicPartition, Long> begin = kafka.beginningOffsets(added);
      Map<TopicPartition, Long> end = kafka.endOffsets(added);
      // The last N of each partition: at most N per topic end up kept, fewer if keys are spread.
      added.forEach(partition -> kafka.seek(partition,
          Math.max(begin.get(partition), end.get(partition) - perTopic)));
      assigned.addAll(added);
      log.info("event log now reads {} partitions", assigned.size());
    } catch (KafkaException e) {
      log.debug("event log cannot reach Kafka yet: {}", e.toString());
    }
  }

  private void add(ConsumerRecord<String, byte[]> record) {
    EventLogEntry entry = entryOf(record);
    synchronized (latest) {
      Deque<EventLogEntry> entries = latest.get(record.topic());
      entries.addLast(entry);
      while (entries.size() > perTopic) {
        entries.removeFirst();
      }
      live.tryEmitNext(entry);
    }
  }

  private EventLogEntry entryOf(ConsumerRecord<String, byte[]> record) {
    byte[] value = record.value();
    Object decoded = null;
    String error = null;
    if (value != null) {
      try {
        decoded = decoder.decode(value);
      } catch (IllegalArgumentException e) {
        error = e.getMessage();
      }
    }
    return new EventLogEntry(record.topic(), record.partition(), record.offset(),
        Instant.ofEpochMilli(record.timestamp()), record.key(), value == null ? 0 : value.length,
        decoded, error);
  }

  private Properties consumerConfig() {
    Properties config = new Properties();
    GatewayProperties.Kafka kafka = properties.kafka();
    if (kafka.clientPropertiesFile() != null) {
      try (InputStream in = Files.newInputStream(kafka.clientPropertiesFile())) {
        config.load(in);
      } catch (IOException e) {
        throw new IllegalStateException(
            "eventshop.kafka.client-properties-file unreadable: " + kafka.clientPropertiesFile(), e);
      }
    }
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-event-log");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
    config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    return config;
  }
}
