package io.eventshop.platform.kafka;

import io.eventshop.contracts.serde.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background consumer that follows topics and hands each record to a {@link RecordHandler}:
 * the one building block behind every in-memory view, log tail and sink of the shop.
 *
 * <ul>
 *   <li><b>Partitions.</b> Without a group it is assigned every partition of its topics (each
 *       instance sees everything: a view, a log); topics or partitions that appear later are
 *       picked up at the next refresh. With {@link Builder#inGroup} it subscribes and commits the
 *       offsets of what it handled after each poll (a sink that shares the work).</li>
 *   <li><b>Where it starts.</b> {@link Start#BEGINNING}, the last {@code n} records per partition,
 *       (in a group) the group's committed offsets, or offsets the reader stored itself
 *       ({@link Builder#resumingAt}, e.g. with the index it feeds).</li>
 *   <li><b>Batches.</b> {@link Builder#afterEachPoll} is called once the handler has had every
 *       record of a poll, before the tail notes them as read (and a group commits them).</li>
 *   <li><b>Read-your-writes.</b> {@link #awaitReadPast} waits until the tail has read past an
 *       offset a writer was given; {@link #awaitCaughtUp} until it has read what the topics held
 *       when it started. With {@code read_committed} (the default) having read past a record
 *       proves its transaction's markers are in, so every other read_committed reader sees it.</li>
 *   <li><b>Poison.</b> A record the handler cannot take (it throws) goes to {@code <topic>.dlq}
 *       with the error in headers ({@link DeadLetters}) and the tail carries on, unless the error
 *       comes from a schema registry that is down: then the record is read again after a pause.
 *       Views over topics whose poison another consumer already dead-letters may
 *       {@link Builder#skipPoison skip} instead, with a warning.</li>
 * </ul>
 *
 * <p>{@link #readToEnd} is the one-shot form: read the topics to their current end, then stop.
 */
public final class TopicTail implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TopicTail.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration REGISTRY_PAUSE = Duration.ofSeconds(1);

  /** Takes one record; throwing makes it poison (dead-lettered or skipped). */
  @FunctionalInterface
  public interface RecordHandler {
    void handle(ConsumerRecord<String, byte[]> record) throws Exception;
  }

  /**
   * Called after the handler has had every record of a poll (and before a group commits their
   * offsets): where a sink that writes in batches makes them durable. Throwing stops the tail.
   */
  @FunctionalInterface
  public interface PollHandled {
    void pollHandled() throws Exception;
  }

  /** Where a tail without committed offsets starts reading. */
  public record Start(long lastPerPartition) {

    /** From the first record of every partition. */
    public static final Start BEGINNING = new Start(Long.MAX_VALUE);

    /** The last {@code n} records of every partition, then everything new. */
    public static Start last(long n) {
      if (n < 0) {
        throw new IllegalArgumentException("n must not be negative");
      }
      return new Start(n);
    }
  }

  private final String name;
  private final Supplier<Collection<String>> topics;
  private final Map<String, Object> consumerConfig;
  private final String groupId;
  private final Start start;
  private final Duration refresh;
  private final RecordHandler handler;
  private final PollHandled afterPoll;
  private final Map<TopicPartition, Long> resumeAt;
  private final DeadLetters deadLetters;
  private final Object progress = new Object();
  /** Per partition, the offset of the next record to read (guarded by {@link #progress}). */
  private final Map<TopicPartition, Long> positions = new HashMap<>();
  /** What the partitions held when they were first assigned (guarded by {@link #progress}). */
  private final Map<TopicPartition, Long> endAtAssignment = new HashMap<>();
  private volatile boolean running;
  private volatile boolean failed;
  private boolean saidCaughtUp;
  private volatile Consumer<byte[], byte[]> consumer;
  private Thread thread;

  private TopicTail(Builder builder) {
    this.name = builder.name;
    this.topics = builder.topics;
    this.groupId = builder.groupId;
    this.start = builder.start;
    this.refresh = builder.refresh;
    this.handler = Objects.requireNonNull(builder.handler, "onRecord");
    this.afterPoll = builder.afterPoll;
    this.resumeAt = Map.copyOf(builder.resumeAt);
    this.deadLetters = builder.deadLetters;
    this.consumerConfig = consumerConfig(builder);
  }

  /** A tail of the given topics, named {@code name} (its thread and client id). */
  public static Builder of(String name, KafkaClients clients, String... topics) {
    List<String> fixed = List.of(topics);
    return new Builder(name, clients, () -> fixed);
  }

  /**
   * A tail of the topics {@code topics} answers at each refresh (for a set that may grow, such as
   * every business topic that exists).
   */
  public static Builder of(String name, KafkaClients clients,
                           Supplier<Collection<String>> topics) {
    return new Builder(name, clients, topics);
  }

  /**
   * Reads every partition of {@code topics} from the beginning to its end at the time of the call,
   * handing each record to {@code handler}, and returns. A record the handler throws on is logged
   * and skipped: this is for restoring the state of the topics' own writer.
   */
  public static void readToEnd(Map<String, Object> consumerConfig, Collection<String> topics,
                               RecordHandler handler) {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (Consumer<String, byte[]> reader = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        partitionsOf(reader.partitionsFor(topic)).forEach(partitions::add);
      }
      reader.assign(partitions);
      reader.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
          try {
            handler.handle(record);
          } catch (Exception e) {
            log.error("skipping unreadable {}-{}@{}: {}", record.topic(), record.partition(),
                record.offset(), e.toString());
          }
        }
      }
    }
  }

  /** Starts the tail's thread; returns at once. */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    failed = false;
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the thread and closes the consumer (waits up to 10 s for it). */
  @Override
  public synchronized void close() {
    synchronized (progress) {
      running = false;
      progress.notifyAll();
    }
    Consumer<byte[], byte[]> active = consumer;
    if (active != null) {
      active.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  /** Whether the thread runs (false after {@link #close} or after an error stopped it). */
  public boolean isRunning() {
    return running;
  }

  /** Whether an error stopped the tail (it logged it). */
  public boolean failed() {
    return failed;
  }

  /** Whether the tail has read, at least once, what its partitions held when it got them. */
  public boolean caughtUp() {
    synchronized (progress) {
      return !endAtAssignment.isEmpty() && endAtAssignment.entrySet().stream()
          .allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
  }

  /** Waits until {@link #caughtUp}; false if that did not happen within {@code timeout}. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return await(this::caughtUp, timeout);
  }

  /**
   * Waits until the tail has read past {@code offset} of {@code partition}: a record written
   * there is then visible to readers like this one.
   *
   * @return false if that did not happen within {@code timeout} or the tail stopped
   */
  public boolean awaitReadPast(TopicPartition partition, long offset, Duration timeout)
      throws InterruptedException {
    return await(() -> positions.getOrDefault(partition, 0L) > offset, timeout);
  }

  /**
   * How far the tail is through what its partitions held when it got them, summed over every
   * partition; offsets, so records a compaction removed count as read.
   */
  public CatchUp catchUp() {
    synchronized (progress) {
      long read = 0;
      long held = 0;
      for (Map.Entry<TopicPartition, Long> end : endAtAssignment.entrySet()) {
        held += end.getValue();
        read += Math.min(end.getValue(), positions.getOrDefault(end.getKey(), 0L));
      }
      return new CatchUp(read, held);
    }
  }

  /** Offsets read of those the partitions held when the tail got them. */
  public record CatchUp(long read, long held) {
  }

  /** The offset of the next record to read in {@code partition} (0 before it is assigned). */
  public long position(TopicPartition partition) {
    synchronized (progress) {
      return positions.getOrDefault(partition, 0L);
    }
  }

  private boolean await(Supplier<Boolean> reached, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!reached.get()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !running) {
          return false;
        }
        progress.wait(left);
      }
      return true;
    }
  }

  private void run() {
    try (Consumer<byte[], byte[]> created = new KafkaConsumer<>(consumerConfig,
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer = created;
      Set<TopicPartition> assigned = new HashSet<>();
      if (groupId != null) {
        created.subscribe(List.copyOf(topics.get()));
      }
      long nextRefresh = 0;
      while (running) {
        if (groupId == null && System.nanoTime() >= nextRefresh) {
          assignNewPartitions(created, assigned);
          nextRefresh = System.nanoTime() + refresh.toNanos();
        }
        if (groupId == null && assigned.isEmpty()) {
          pause(refresh); // no topic yet (or no broker): look again at the next refresh
          continue;
        }
        ConsumerRecords<byte[], byte[]> records = created.poll(POLL);
        handleAll(created, records);
        if (afterPoll != null && !records.isEmpty()) {
          afterPoll.pollHandled();
        }
        if (groupId != null && !records.isEmpty()) {
          created.commitSync();
        }
        notePositions(created);
      }
    } catch (WakeupException | InterruptedException stopping) {
      // close() woke the consumer up
    } catch (Exception e) {
      log.error("{} stopped reading {}", name, topics.get(), e);
      failed = true;
    } finally {
      consumer = null;
      synchronized (progress) {
        running = false;
        progress.notifyAll();
      }
    }
  }

  private void handleAll(Consumer<byte[], byte[]> created,
                         ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        try {
          handler.handle(keyedAsText(record));
        } catch (Exception e) {
          if (SchemaRegistryException.isTransient(e)) {
            // Not the record's fault: read it again once the registry may answer.
            log.warn("{}: the schema registry is not answering; reading {}-{}@{} again", name,
                record.topic(), record.partition(), record.offset());
            created.seek(partition, record.offset());
            pause(REGISTRY_PAUSE);
            break;
          }
          poison(record, e);
        }
      }
    }
  }

  private void poison(ConsumerRecord<byte[], byte[]> record, Exception error) {
    if (deadLetters == null) {
      log.warn("{} skips {}-{}@{}: {}", name, record.topic(), record.partition(),
          record.offset(), error.toString());
      return;
    }
    deadLetters.send(record, error);
  }

  /** The record as handlers see it: the key as text (the shop's keys are entity ids). */
  private static ConsumerRecord<String, byte[]> keyedAsText(ConsumerRecord<byte[], byte[]> raw) {
    String key = raw.key() == null ? null : new String(raw.key(), StandardCharsets.UTF_8);
    return new ConsumerRecord<>(raw.topic(), raw.partition(), raw.offset(), raw.timestamp(),
        raw.timestampType(), raw.serializedKeySize(), raw.serializedValueSize(), key, raw.value(),
        raw.headers(), raw.leaderEpoch());
  }

  private void assignNewPartitions(Consumer<byte[], byte[]> created,
                                   Set<TopicPartition> assigned) {
    List<TopicPartition> added = new ArrayList<>();
    try {
      Map<String, List<PartitionInfo>> existing = created.listTopics(Duration.ofSeconds(5));
      for (String topic : topics.get()) {
        partitionsOf(existing.get(topic)).filter(p -> !assigned.contains(p)).forEach(added::add);
      }
    } catch (KafkaException e) {
      log.debug("{} cannot reach Kafka yet: {}", name, e.toString());
      return;
    }
    if (added.isEmpty()) {
      return;
    }
    Set<TopicPartition> all = new HashSet<>(assigned);
    all.addAll(added);
    created.assign(all);
    Map<TopicPartition, Long> begin = created.beginningOffsets(added);
    Map<TopicPartition, Long> end = created.endOffsets(added);
    for (TopicPartition partition : added) {
      long from = start == Start.BEGINNING ? begin.get(partition)
          : Math.max(begin.get(partition), end.get(partition) - start.lastPerPartition());
      Long stored = resumeAt.get(partition);
      if (stored != null && stored > end.get(partition)) {
        // The partition holds less than the reader had read: the topic was deleted and created
        // again. What was read from the old one says nothing about the new one.
        log.warn("{}: {} ends at {} but was read up to {}; reading it from the start", name,
            partition, end.get(partition), stored);
      } else if (stored != null) {
        from = Math.max(begin.get(partition), stored);
      }
      created.seek(partition, from);
    }
    synchronized (progress) {
      endAtAssignment.putAll(end);
    }
    assigned.addAll(added);
    log.debug("{} now reads {} partitions", name, assigned.size());
  }

  private void notePositions(Consumer<byte[], byte[]> created) {
    synchronized (progress) {
      for (TopicPartition partition : created.assignment()) {
        positions.put(partition, created.position(partition));
      }
      if (groupId != null && endAtAssignment.isEmpty() && !created.assignment().isEmpty()) {
        endAtAssignment.putAll(created.endOffsets(created.assignment()));
      }
      progress.notifyAll();
    }
    if (!saidCaughtUp && caughtUp()) {
      saidCaughtUp = true;
      log.info("{} caught up with {}", name, topics.get());
    }
  }

  private void pause(Duration pause) throws InterruptedException {
    synchronized (progress) {
      if (running) {
        progress.wait(pause.toMillis());
      }
    }
  }

  private static Stream<TopicPartition> partitionsOf(List<PartitionInfo> infos) {
    return infos == null ? Stream.empty()
        : infos.stream().map(info -> new TopicPartition(info.topic(), info.partition()));
  }

  private static Map<String, Object> consumerConfig(Builder builder) {
    Map<String, Object> config = builder.groupId == null
        ? builder.clients.consumer(builder.name) : builder.clients.consumer(builder.groupId);
    if (builder.groupId == null) {
      config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, builder.clients.clientId(builder.name));
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        builder.readCommitted ? "read_committed" : "read_uncommitted");
    config.putAll(builder.settings);
    return config;
  }

  /** How a tail reads; {@link #build} makes it (not started). */
  public static final class Builder {

    private final String name;
    private final KafkaClients clients;
    private final Supplier<Collection<String>> topics;
    private final Map<String, Object> settings = new HashMap<>();
    private String groupId;
    private Start start = Start.BEGINNING;
    private Duration refresh = Duration.ofSeconds(5);
    private boolean readCommitted = true;
    private boolean deadLetter = true;
    private RecordHandler handler;
    private PollHandled afterPoll;
    private final Map<TopicPartition, Long> resumeAt = new HashMap<>();
    private DeadLetters deadLetters;

    private Builder(String name, KafkaClients clients, Supplier<Collection<String>> topics) {
      this.name = Objects.requireNonNull(name, "name");
      this.clients = Objects.requireNonNull(clients, "clients");
      this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** Share the partitions with the other members of {@code groupId} and commit offsets. */
    public Builder inGroup(String groupId) {
      this.groupId = Objects.requireNonNull(groupId, "groupId");
      return this;
    }

    /** Where to start when there are no committed offsets (default: the beginning). */
    public Builder startingAt(Start start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** How often to look for new topics and partitions (default 5 s; no group only). */
    public Builder refreshingEvery(Duration refresh) {
      this.refresh = Objects.requireNonNull(refresh, "refresh");
      return this;
    }

    /** Read records of open and aborted transactions too: for a log view, never for state. */
    public Builder readUncommitted() {
      this.readCommitted = false;
      return this;
    }

    /** A consumer setting of its own (e.g. a short {@code fetch.max.wait.ms}). */
    public Builder with(String key, Object value) {
      settings.put(key, value);
      return this;
    }

    /**
     * Log and skip poison records instead of dead-lettering them: for a view of a topic whose
     * poison another consumer (e.g. the service's Streams app) already dead-letters once.
     */
    public Builder skipPoison() {
      this.deadLetter = false;
      return this;
    }

    /**
     * Starts the given partitions at the offsets a reader stored itself (no group only), e.g.
     * with the index it feeds; the others start at {@link #startingAt}. An offset before the
     * partition's first record (deleted by retention or compaction) starts at the first.
     */
    public Builder resumingAt(Map<TopicPartition, Long> offsets) {
      resumeAt.putAll(offsets);
      return this;
    }

    /** Called after each poll's records were handled (see {@link PollHandled}). */
    public Builder afterEachPoll(PollHandled afterPoll) {
      this.afterPoll = afterPoll;
      return this;
    }

    public Builder onRecord(RecordHandler handler) {
      this.handler = handler;
      return this;
    }

    /** The tail, not started; its dead letters go through {@code deadLetters}. */
    public TopicTail build(DeadLetters deadLetters) {
      this.deadLetters = deadLetter ? Objects.requireNonNull(deadLetters, "deadLetters") : null;
      return new TopicTail(this);
    }

    /** The tail, not started, for {@link #skipPoison} views (no dead-letter producer needed). */
    public TopicTail build() {
      if (deadLetter) {
        throw new IllegalStateException(name + ": a tail that dead-letters needs DeadLetters");
      }
      return new TopicTail(this);
    }
  }
}
