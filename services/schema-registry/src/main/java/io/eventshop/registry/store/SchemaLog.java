package io.eventshop.registry.store;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.registry.RegistryError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage topic: a reader thread that applies every committed record to the
 * {@link RegistryState}, and a single writer.
 *
 * <p>Single writer: every instance writes with the same {@code transactional.id}. Taking the
 * writer role ({@code initTransactions}) fences the previous holder, whose open transaction is
 * aborted and whose later commits fail. Before deciding anything (the next id, a version number,
 * whether a schema is new) the writer reads the topic up to its last committed offset. So a
 * decision is committed only if no other instance committed between the catch-up and the commit:
 * had one, it would have fenced this writer first, and this writer retries from the catch-up.
 * Two instances therefore never hand out the same id for different schemas.
 *
 * <p>Writes are read-your-writes: {@link #write} returns once the reader has applied the records
 * it committed.
 */
public final class SchemaLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaLog.class);
  private static final int MAX_WRITE_ATTEMPTS = 10;

  private final KafkaClients clients;
  private final TopicSpec topicSpec;
  private final TopicPartition partition;
  private final String transactionalId;
  /**
   * How long the start may wait for the cluster: longer than a request's timeout, because the
   * launcher starts the registry as soon as a new broker answers, which can take a while to
   * settle on a busy machine.
   */
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private final Duration timeout;
  private final RegistryState state;
  private final Admin admin;
  private final TopicTail reader;
  private KafkaProducer<byte[], byte[]> producer;

  /** What a write decided: the records to commit (maybe none) and the answer to give. */
  public record Decision<T>(List<StoredRecord> records, T result) {

    public static <T> Decision<T> answer(T result) {
      return new Decision<>(List.of(), result);
    }
  }

  SchemaLog(KafkaClients clients, TopicSpec topicSpec, String transactionalId, Duration timeout,
            RegistryState state) {
    this.clients = clients;
    this.topicSpec = topicSpec;
    this.partition = new TopicPartition(topicSpec.name(), 0);
    this.transactionalId = transactionalId;
    this.timeout = timeout;
    this.state = state;
    this.admin = Admin.create(clients.admin());
    // Short fetch waits: a write answers only once its own record has been read back. A record
    // the reader cannot apply is skipped with a warning: the registry has no dead-letter topic.
    this.reader = TopicTail.of("schema-log-reader", clients, topicSpec.name())
        .with(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20)
        .skipPoison()
        .onRecord(record -> StoredRecord.applyTo(state, keyOf(record), record.value()))
        .build();
  }

  /** Creates the topic if missing, then reads it to its end before returning. */
  void start() {
    createTopicIfMissing();
    reader.start();
    long end = committedEnd();
    awaitPosition(end, STARTUP_TIMEOUT);
    LOG.info("Schema store read {} up to offset {}", topicSpec.name(), end);
    takeWriterRoleEarly();
  }

  /**
   * The first transactional producer of a fresh cluster makes the broker create its transaction
   * log, which can take seconds: better before the registry reports healthy than during the first
   * registration of a starting service. Failing here is not fatal: a write takes the role again.
   */
  private synchronized void takeWriterRoleEarly() {
    try {
      writer();
    } catch (KafkaException e) {
      LOG.warn("Could not take the schema writer role yet; the first write will: {}", e.toString());
    }
  }

  /** Whether the reader has read the topic at least once to its end. */
  public boolean ready() {
    return reader.isRunning() && reader.caughtUp();
  }

  /**
   * Takes the writer role if needed, catches up with the topic, lets {@code decide} look at the
   * state, commits what it decided in one transaction and waits until the reader applied it.
   *
   * @throws RegistryError what {@code decide} refuses, or 50001/50002 when the store fails
   */
  public synchronized <T> T write(Function<RegistryState, Decision<T>> decide) {
    KafkaException lastFailure = null;
    for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      try {
        KafkaProducer<byte[], byte[]> writer = writer();
        awaitPosition(committedEnd(), timeout);
        Decision<T> decision = decide.apply(state);
        if (decision.records().isEmpty()) {
          return decision.result();
        }
        writer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (StoredRecord record : decision.records()) {
          sent.add(writer.send(new ProducerRecord<>(partition.topic(), 0, record.key(),
              record.value())));
        }
        writer.commitTransaction();
        long last = -1;
        for (Future<RecordMetadata> metadata : sent) {
          last = Math.max(last, metadata.get().offset());
        }
        awaitPosition(last + 1, timeout);
        return decision.result();
      } catch (KafkaException e) {
        // Fenced by another instance, or the cluster failed us: drop the producer and decide
        // again on fresh state with a new one (which fences the other instance in turn).
        LOG.info("Schema write attempt {} failed, retrying as a new writer: {}", attempt,
            e.toString());
        lastFailure = e;
        closeWriter();
        backOff(attempt);
      } catch (ExecutionException e) {
        throw RegistryError.storeFailed(e.getCause().toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryError.storeFailed("interrupted");
      }
    }
    throw RegistryError.storeFailed("no write after " + MAX_WRITE_ATTEMPTS + " attempts: "
        + lastFailure);
  }

  private KafkaProducer<byte[], byte[]> writer() {
    if (producer == null) {
      Map<String, Object> config = clients.transactionalProducer("schema-writer", transactionalId);
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis());
      config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) timeout.toMillis());
      config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      KafkaProducer<byte[], byte[]> created = new KafkaProducer<>(config,
          new ByteArraySerializer(), new ByteArraySerializer());
      try {
        created.initTransactions();
      } catch (KafkaException e) {
        created.close(Duration.ZERO);
        throw e;
      }
      producer = created;
      LOG.info("Took the schema writer role ({})", transactionalId);
    }
    return producer;
  }

  private void closeWriter() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private static void backOff(int attempt) {
    // Jitter, so two instances that keep fencing each other fall out of step.
    long millis = ThreadLocalRandom.current().nextLong(10, 50L * attempt + 11);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryError.storeFailed("interrupted");
    }
  }

  /** The key as the store wrote it (UTF-8 JSON text). */
  private static byte[] keyOf(ConsumerRecord<String, byte[]> record) {
    return record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
  }

  /** Waits until the reader has applied every record before {@code offset}. */
  private void awaitPosition(long offset, Duration within) {
    try {
      if (offset == 0 || reader.awaitReadPast(partition, offset - 1, within)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryError.storeFailed("interrupted");
    }
    if (!reader.isRunning()) {
      throw RegistryError.storeFailed("the reader of " + topicSpec.name() + " stopped");
    }
    throw RegistryError.timedOut("reading " + topicSpec.name() + " up to offset " + offset
        + " (at " + reader.position(partition) + ")");
  }

  private long committedEnd() {
    try {
      return admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
              new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryError.storeFailed("cannot find the end of " + topicSpec.name() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryError.storeFailed("interrupted");
    }
  }

  private void createTopicIfMissing() {
    try {
      int brokers = admin.describeCluster().nodes()
          .get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .size();
      NewTopic topic = new NewTopic(topicSpec.name(), 1, topicSpec.replicationFactorFor(brokers))
          .configs(topicSpec.configs(brokers));
      admin.createTopics(List.of(topic)).all()
          .get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("Created the schema store topic {}", topicSpec.name());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + topicSpec.name() + ": " + e.getCause(),
            e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("no Kafka cluster answered within " + STARTUP_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    reader.close();
    synchronized (this) {
      closeWriter();
    }
    admin.close(Duration.ZERO);
  }
}
