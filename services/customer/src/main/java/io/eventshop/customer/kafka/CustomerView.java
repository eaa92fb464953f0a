package io.eventshop.customer.kafka;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.kafka.CustomerWriter.StateWritten;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every customer, in memory, materialised from the compacted {@code customers} topic: a consumer
 * of all its partitions (no group: every instance holds the whole table) reads committed records
 * from the beginning, and the service's own writes are applied as soon as their transaction
 * commits (write-through), so a GET right after a POST finds the customer.
 *
 * <p>Each entry remembers the offset it came from; a record from the topic replaces an entry only
 * if it is not older, so the consumer catching up never undoes a newer write-through.
 *
 * <p>The view also says how far it has read each partition ({@link #awaitRead}): a transaction's
 * commit returns before its markers reach the partitions, so only a read_committed reader having
 * passed a record proves that every other such reader (the order checks) can see it too.
 */
public final class CustomerView implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CustomerView.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private record Entry(Customer customer, long offset) {
  }

  private final Map<String, Object> consumerConfig;
  private final AvroSerde<io.eventshop.contracts.customer.Customer> serde;
  private final Map<String, Entry> customers = new ConcurrentHashMap<>();
  /** Per partition of {@code customers}: the offset of the next record to read (its monitor). */
  private final Map<Integer, Long> readUpTo = new HashMap<>();
  private volatile boolean caughtUp;
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private Thread thread;

  /** @param consumerConfig consumer settings; the group id is removed (partitions are assigned) */
  public CustomerView(Map<String, Object> consumerConfig,
                      AvroSerde<io.eventshop.contracts.customer.Customer> serde) {
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.serde = serde;
  }

  /** The customer, if known. */
  public Optional<Customer> find(String id) {
    Entry entry = customers.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.customer());
  }

  /** Whether the view has read {@code customers} up to where it ended at start-up. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Applies a write of this service, committed at {@code written} in {@code customers}. */
  public void written(Customer customer, StateWritten written) {
    apply(customer.id(), customer, written.offset());
  }

  /**
   * Waits until the view has read past {@code written}, i.e. until the record is visible to
   * read_committed consumers.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public boolean awaitRead(StateWritten written, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (readUpTo) {
      while (readUpTo.getOrDefault(written.partition(), 0L) <= written.offset()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        readUpTo.wait(left);
      }
      return true;
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "customer-view");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Consumer<String, byte[]> active = consumer;
    if (active != null) {
      active.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    try (Consumer<String, byte[]> created = new KafkaConsumer<>(consumerConfig,
        new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer = created;
      List<TopicPartition> partitions = partitionsOf(created);
      created.assign(partitions);
      created.seekToBeginning(partitions);
      Map<TopicPartition, Long> endAtStart = created.endOffsets(partitions);
      while (running) {
        for (ConsumerRecord<String, byte[]> record : created.poll(POLL)) {
          read(record);
        }
        notePositions(created, partitions);
        if (!caughtUp && reached(created, endAtStart)) {
          caughtUp = true;
          log.info("Customer view caught up: {} customers", customers.size());
        }
      }
    } catch (WakeupException | InterruptedException stopping) {
      // stop() woke the consumer up
    } catch (RuntimeException e) {
      log.error("Customer view stopped reading {}", Topics.CUSTOMERS.name(), e);
      running = false;
    } finally {
      consumer = null;
    }
  }

  /** The partitions of {@code customers}, waiting while the topic does not exist yet. */
  private List<TopicPartition> partitionsOf(Consumer<String, byte[]> created)
      throws InterruptedException {
    while (true) {
      List<TopicPartition> partitions = created.partitionsFor(Topics.CUSTOMERS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      if (!partitions.isEmpty() || !running) {
        return partitions;
      }
      log.warn("Topic {} does not exist yet; waiting for it", Topics.CUSTOMERS.name());
      TimeUnit.SECONDS.sleep(1);
    }
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    try {
      io.eventshop.contracts.customer.Customer value =
          serde.deserialize(record.topic(), record.value());
      apply(record.key(), value == null ? null : CustomerRecords.fromRecord(value),
          record.offset());
    } catch (SerializationException e) {
      // The Streams side dead-letters the same record once; every instance's view only skips it.
      log.warn("Skipping undecodable customer {} at {}-{}@{}: {}", record.key(), record.topic(),
          record.partition(), record.offset(), e.getMessage());
    }
  }

  private void apply(String id, Customer customer, long offset) {
    customers.compute(id, (key, current) -> {
      if (current != null && current.offset() > offset) {
        return current;
      }
      return customer == null ? null : new Entry(customer, offset);
    });
  }

  private void notePositions(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    synchronized (readUpTo) {
      for (TopicPartition partition : partitions) {
        readUpTo.put(partition.partition(), consumer.position(partition));
      }
      readUpTo.notifyAll();
    }
  }

  private static boolean reached(Consumer<String, byte[]> consumer,
                                 Map<TopicPartition, Long> endAtStart) {
    return endAtStart.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }
}
