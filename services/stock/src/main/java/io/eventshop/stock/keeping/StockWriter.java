package io.eventshop.stock.keeping;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.stock.config.StockSettings;
import io.eventshop.stock.domain.StockLevel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The single writer of stock: one thread, one transactional producer with a fixed
 * {@code transactional.id}, a consumer assigned every partition of {@code orders}, all stock in
 * memory. Each poll batch, plus the goods receipts queued since, is one transaction: stock events,
 * levels, reservations, STOCK verdicts and the consumed offsets commit together or not at all.
 *
 * <p>Start: {@code initTransactions()} first (it fences a previous writer with the same id and
 * ends its open transaction), then the state is rebuilt from the compacted topics, then the
 * consumer resumes from the committed offsets. A fenced writer stops for good (health DOWN); any
 * other failure aborts the transaction, rewinds to the committed offsets and rebuilds the state.
 */
public final class StockWriter implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StockWriter.class);

  /** Where the writer is. */
  public enum Status { STARTING, RUNNING, FENCED, FAILED, STOPPED }

  private record Receipt(String sku, long quantity, CompletableFuture<StockLevel> done) {
  }

  private final KafkaClients clients;
  private final StockSettings settings;
  private final StockSerdes serdes;
  private final Clock clock;
  private final LinkedBlockingQueue<Receipt> receipts = new LinkedBlockingQueue<>();
  private final Map<String, StockLevel> committedLevels = new ConcurrentHashMap<>();
  private volatile Status status = Status.STOPPED;
  private volatile boolean stopping;
  private volatile Thread thread;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  public StockWriter(KafkaClients clients, StockSettings settings, StockSerdes serdes, Clock clock) {
    this.clients = clients;
    this.settings = settings;
    this.serdes = serdes;
    this.clock = clock;
  }

  public Status status() {
    return status;
  }

  /** The level of {@code sku} as last committed; empty if stock never received goods of it. */
  public Optional<StockLevel> levelOf(String sku) {
    return Optional.ofNullable(committedLevels.get(sku));
  }

  /**
   * Queues a goods receipt for the next transaction; completes with the new level once that
   * transaction is committed, exceptionally if the writer is not running or too slow.
   */
  public CompletableFuture<StockLevel> receive(String sku, long quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("a receipt must be positive");
    }
    CompletableFuture<StockLevel> done = new CompletableFuture<>();
    if (status != Status.RUNNING) {
      done.completeExceptionally(new IllegalStateException("the stock writer is " + status));
      return done;
    }
    receipts.add(new Receipt(sku, quantity, done));
    KafkaConsumer<byte[], byte[]> polling = consumer;
    if (polling != null) {
      polling.wakeup();
    }
    return done.orTimeout(settings.receiptTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void start() {
    stopping = false;
    status = Status.STARTING;
    thread = new Thread(this::run, "stock-writer");
    thread.start();
  }

  @Override
  public synchronized void stop() {
    stopping = true;
    KafkaConsumer<byte[], byte[]> polling = consumer;
    if (polling != null) {
      polling.wakeup();
    }
    Thread running = thread;
    if (running != null) {
      try {
        running.join(TimeUnit.SECONDS.toMillis(30));
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

  private void run() {
    try (KafkaProducer<byte[], byte[]> producer = newProducer();
         KafkaConsumer<byte[], byte[]> orders = newConsumer()) {
      producer.initTransactions();
      List<TopicPartition> partitions = orders.partitionsFor(Topics.ORDERS.name()).stream()
          .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      orders.assign(partitions);
      StockKeeper keeper = rebuild(orders);
      consumer = orders;
      status = Status.RUNNING;
      log.info("stock writer running as {} over {} partitions of {}", settings.transactionalId(),
          partitions.size(), Topics.ORDERS.name());
      while (!stopping) {
        keeper = processOnce(producer, orders, keeper);
      }
      status = Status.STOPPED;
    } catch (ProducerFencedException e) {
      status = Status.FENCED;
      log.error("stock writer FENCED: another instance took over transactional.id {}; this one "
          + "stops (health DOWN)", settings.transactionalId());
    } catch (WakeupException e) {
      status = Status.STOPPED;
    } catch (RuntimeException e) {
      status = stopping ? Status.STOPPED : Status.FAILED;
      if (!stopping) {
        log.error("stock writer failed and stops (health DOWN)", e);
      }
    } finally {
      consumer = null;
      failPendingReceipts();
    }
  }

  /** One poll, one transaction. Returns the keeper to go on with (a rebuilt one after an abort). */
  private StockKeeper processOnce(KafkaProducer<byte[], byte[]> producer,
                                  KafkaConsumer<byte[], byte[]> orders, StockKeeper keeper) {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = orders.poll(settings.pollTimeout());
    } catch (WakeupException e) {
      records = ConsumerRecords.empty();
    }
    List<Receipt> batch = new ArrayList<>();
    receipts.drainTo(batch);
    if (records.isEmpty() && batch.isEmpty()) {
      return keeper;
    }
    Set<String> touched = new HashSet<>();
    try {
      producer.beginTransaction();
      Instant now = clock.instant();
      Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        applyOrderRecord(producer, keeper, record, now, touched);
        offsets.put(new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1));
      }
      for (Receipt receipt : batch) {
        send(producer, keeper.onReceipt(receipt.sku(), receipt.quantity(), now), touched);
      }
      if (!offsets.isEmpty()) {
        producer.sendOffsetsToTransaction(offsets, orders.groupMetadata());
      }
      producer.commitTransaction();
    } catch (KafkaException e) {
      if (isFenced(e)) {
        throw new ProducerFencedException("fenced: " + e.getMessage());
      }
      log.warn("stock transaction aborted, rewinding to the committed offsets: {}", e.toString());
      producer.abortTransaction();
      receipts.addAll(batch);
      return rebuild(orders);
    }
    for (String sku : touched) {
      keeper.stock().levelOf(sku).ifPresent(level -> committedLevels.put(sku, level));
    }
    for (Receipt receipt : batch) {
      receipt.done().complete(committedLevels.get(receipt.sku()));
    }
    return keeper;
  }

  private void applyOrderRecord(KafkaProducer<byte[], byte[]> producer, StockKeeper keeper,
                                ConsumerRecord<byte[], byte[]> record, Instant now,
                                Set<String> touched) {
    List<Outgoing> out;
    try {
      OrderEvent event = serdes.orderEvent(record.topic(), record.value());
      if (event == null) {
        return;
      }
      out = keeper.onOrderEvent(event, now);
    } catch (SerializationException | IllegalArgumentException e) {
      if (SchemaRegistryException.isTransient(e)) {
        throw (SerializationException) e; // not the record's fault: abort and retry it
      }
      // The dead letter is part of this transaction: written once, with the offset.
      producer.send(DeadLetters.deadLetterOf(record, e));
      log.warn("dead letter: {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
      return;
    }
    send(producer, out, touched);
  }

  /** Fencing may surface directly or as the cause of the producer's error state. */
  private static boolean isFenced(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProducerFencedException) {
        return true;
      }
    }
    return false;
  }

  private void send(KafkaProducer<byte[], byte[]> producer, List<Outgoing> out,
                    Set<String> touched) {
    for (Outgoing record : out) {
      if (record.topic() == Topics.STOCK_LEVELS) {
        touched.add(record.key());
      }
      producer.send(new ProducerRecord<>(record.topic().name(),
          record.key().getBytes(StandardCharsets.UTF_8),
          serdes.serialize(record.topic(), record.value())));
    }
  }

  /** The state as committed, and the consumer back at the committed offsets. */
  private StockKeeper rebuild(KafkaConsumer<byte[], byte[]> orders) {
    Collection<TopicPartition> assigned = orders.assignment();
    Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(orders, assigned);
    for (TopicPartition partition : assigned) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        orders.seekToBeginning(List.of(partition));
      } else {
        orders.seek(partition, offset);
      }
    }
    StockKeeper keeper = new StockKeeper(StockSnapshot.restore(clients, serdes));
    committedLevels.clear();
    keeper.stock().levels().forEach(level -> committedLevels.put(level.sku(), level));
    return keeper;
  }

  /** The committed offsets; a receipt's wake-up call may interrupt the first try. */
  private Map<TopicPartition, OffsetAndMetadata> committedOffsets(
      KafkaConsumer<byte[], byte[]> orders, Collection<TopicPartition> assigned) {
    while (true) {
      try {
        return orders.committed(Set.copyOf(assigned));
      } catch (WakeupException e) {
        if (stopping) {
          throw e;
        }
      }
    }
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    Map<String, Object> config = clients.transactionalProducer("stock-writer",
        settings.transactionalId());
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private KafkaConsumer<byte[], byte[]> newConsumer() {
    Map<String, Object> config = clients.consumer(settings.groupId());
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private void failPendingReceipts() {
    List<Receipt> left = new ArrayList<>();
    receipts.drainTo(left);
    left.forEach(receipt -> receipt.done().completeExceptionally(
        new IllegalStateException("the stock writer is " + status)));
  }
}
