package io.eventshop.gateway.events;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.gateway.GatewayProperties;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * The event store made visible: a {@link TopicTail} outside any group follows every partition of
 * the business topics from the last {@code events-per-topic} records on, keeps that many per
 * topic in memory and publishes each new one to live subscribers. Reads uncommitted records too:
 * a log view, not a business decision. Topics that appear later are picked up on the next
 * refresh. A value it cannot decode is shown with the error, never dead-lettered.
 */
public class EventLog implements SmartLifecycle {

  private static final int FOLLOWER_BUFFER = 1024;

  private final AvroValueDecoder decoder;
  private final boolean enabled;
  private final int perTopic;
  private final TopicTail tail;
  private final Map<String, Deque<EventLogEntry>> latest = new LinkedHashMap<>();
  private final Sinks.Many<EventLogEntry> live = Sinks.many().multicast().directBestEffort();

  public EventLog(GatewayProperties.EventLog settings, KafkaClients clients,
                  AvroValueDecoder decoder) {
    this.decoder = decoder;
    this.enabled = settings.enabled();
    this.perTopic = settings.eventsPerTopic();
    List<String> topics = topicNames();
    topics.forEach(topic -> latest.put(topic, new ArrayDeque<>()));
    this.tail = TopicTail.of("event-log", clients, () -> topics)
        .startingAt(TopicTail.Start.last(perTopic))
        .refreshingEvery(settings.refreshInterval())
        .readUncommitted()
        .skipPoison()
        .onRecord(this::add)
        .build();
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
    if (enabled) {
      tail.start();
    }
  }

  @Override
  public void stop() {
    tail.close();
  }

  @Override
  public boolean isRunning() {
    return tail.isRunning();
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
}
