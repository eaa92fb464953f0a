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
 *
 * <p>Records are kept as read and decoded only when someone looks (a read of the latest, a live
 * follower), once each: the log follows every event of the shop, and decoding them all while
 * nobody watches cost the gateway a third of its CPU per order.
 */
public class EventLog implements SmartLifecycle {

  private static final int FOLLOWER_BUFFER = 1024;

  private final AvroValueDecoder decoder;
  private final boolean enabled;
  private final int perTopic;
  private final TopicTail tail;
  private final Map<String, Deque<Kept>> latest = new LinkedHashMap<>();
  private final Sinks.Many<Kept> live = Sinks.many().multicast().directBestEffort();

  /** A record as read; its entry decoded the first time it is asked for. */
  private final class Kept {

    private static final Comparator<Kept> ORDER = Comparator.<Kept>comparingLong(
            kept -> kept.record.timestamp())
        .thenComparing(kept -> kept.record.topic())
        .thenComparingLong(kept -> kept.record.offset());

    private final ConsumerRecord<String, byte[]> record;
    private EventLogEntry entry;

    Kept(ConsumerRecord<String, byte[]> record) {
      this.record = record;
    }

    synchronized EventLogEntry entry() {
      if (entry == null) {
        entry = entryOf(record);
      }
      return entry;
    }
  }

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
    return kept(topic, limit).stream().map(Kept::entry).toList();
  }

  /**
   * The latest events of {@code topic} (all topics when null), then every new one as it is read;
   * none lost or repeated between the two, as both are taken under the same lock as {@link #add}.
   * A subscriber too slow to keep up {@value #FOLLOWER_BUFFER} events behind misses events.
   */
  public Flux<EventLogEntry> follow(String topic) {
    return Flux.defer(() -> {
      Sinks.Many<Kept> buffer = Sinks.many().unicast()
          .onBackpressureBuffer(Queues.<Kept>get(FOLLOWER_BUFFER).get());
      List<Kept> backlog;
      Disposable following;
      synchronized (latest) {
        backlog = kept(topic, Integer.MAX_VALUE);
        following = live.asFlux()
            .filter(kept -> topic == null || topic.equals(kept.record.topic()))
            .subscribe(buffer::tryEmitNext);
      }
      return Flux.fromIterable(backlog).concatWith(buffer.asFlux()).map(Kept::entry)
          .doFinally(signal -> following.dispose());
    });
  }

  private List<Kept> kept(String topic, int limit) {
    List<Kept> events = new ArrayList<>();
    synchronized (latest) {
      latest.forEach((name, entries) -> {
        if (topic == null || topic.equals(name)) {
          events.addAll(entries);
        }
      });
    }
    events.sort(Kept.ORDER);
    return events.subList(Math.max(0, events.size() - limit), events.size());
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
    Kept kept = new Kept(record);
    synchronized (latest) {
      Deque<Kept> entries = latest.get(record.topic());
      entries.addLast(kept);
      while (entries.size() > perTopic) {
        entries.removeFirst();
      }
      if (live.currentSubscriberCount() > 0) {
        live.tryEmitNext(kept);
      }
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
