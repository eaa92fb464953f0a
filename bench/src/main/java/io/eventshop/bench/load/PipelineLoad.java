package io.eventshop.bench.load;

import io.eventshop.bench.load.OrderLedger.Tracked;
import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderRejected;
import io.eventshop.contracts.order.OrderValidated;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The pipeline phase: the benchmark IS the order service's producer. It writes
 * {@code OrderPlaced} straight to {@code orders} on a fixed schedule (idempotent, acks=all, as the
 * service writes), and a read_committed reader of {@code orders} times each order's outcome from
 * its intended send time. HTTP is left out because one request per order cannot reach the
 * published rate on this machine; what is measured is the validators and the order service's
 * exactly-once Streams app.
 */
final class PipelineLoad implements AutoCloseable {

  private static final String ORDERS = Topics.ORDERS.name();
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration READER_START = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final AvroSerde<OrderEvent> serde;
  private final KafkaProducer<String, OrderEvent> producer;
  private final CustomerPool customers;
  private final OrderMix mix;
  private final PipelineOrders orders;
  private final OrderLedger ledger;
  private final Duration orderDeadline;

  PipelineLoad(String bootstrapServers, String registryUrl, CustomerPool customers, OrderMix mix,
               PipelineOrders orders, OrderLedger ledger, Duration orderDeadline) {
    this.bootstrapServers = bootstrapServers;
    // the order service writes with the registered schema, never registering one itself
    this.serde = AvroSerde.forValues(OrderEvent.class, new SerdeConfig(registryUrl, false, true));
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "bench-pipeline",
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        // small: batches form at high rates without holding a lone order back
        ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), serde);
    this.customers = customers;
    this.mix = mix;
    this.orders = orders;
    this.ledger = ledger;
    this.orderDeadline = orderDeadline;
  }

  /** Writes {@code rate} orders per second for {@code duration}, then awaits their outcomes. */
  PipelineResult run(double rate, Duration duration) {
    PipelineTally tally = new PipelineTally();
    OutcomeReader reader = new OutcomeReader(tally);
    Thread thread = new Thread(reader, "bench-pipeline-outcomes");
    thread.setDaemon(true);
    thread.start();
    try {
      reader.awaitReady();
      long start = System.nanoTime();
      RateSchedule schedule = RateSchedule.of(start, rate, duration);
      long hardEnd = start + duration.toNanos() + orderDeadline.toNanos();
      schedule.issue(hardEnd, i -> send(schedule.intendedNanos(i), tally));
      producer.flush();
      long outcomesDue = Math.max(System.nanoTime(), schedule.lastNanos())
          + orderDeadline.toNanos();
      while (!tally.settled() && System.nanoTime() < outcomesDue && reader.failure() == null) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
      return tally.result(rate, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      reader.stop();
      joinQuietly(thread);
    }
  }

  private void send(long intendedNanos, PipelineTally tally) {
    String customerId = customers.next(intendedNanos);
    List<Line> lines = mix.next();
    Tracked order = ledger.track(UUID.randomUUID().toString(), customerId, lines);
    String orderId = orders.mintId(customerId);
    tally.sent(orderId, intendedNanos, order);
    OrderEvent placed = orders.placed(orderId, customerId, lines, order.key, Instant.now());
    producer.send(new ProducerRecord<>(ORDERS, orderId, placed), (metadata, error) -> {
      if (error == null) {
        order.orderId = orderId; // written: the correctness check follows it like any order
      } else {
        tally.sendFailed(orderId);
      }
    });
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  /**
   * Reads {@code orders} from its end as a downstream consumer of the outcomes would
   * (read_committed: an outcome counts once its transaction commits). Only this phase's orders
   * are decoded; keys are order ids in plain UTF-8.
   */
  private final class OutcomeReader implements Runnable {

    private final PipelineTally tally;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;

    OutcomeReader(PipelineTally tally) {
      this.tally = tally;
    }

    @Override
    public void run() {
      try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.CLIENT_ID_CONFIG, "bench-pipeline-outcomes",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20), new StringDeserializer(),
          new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = consumer.partitionsFor(ORDERS).stream()
            .map(info -> new TopicPartition(ORDERS, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve it now, before the first order is written
        partitions.forEach(consumer::position);
        ready.countDown();
        while (!stopped) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            read(record, System.nanoTime());
          }
        }
      } catch (RuntimeException e) {
        failure.set(e);
      } finally {
        ready.countDown();
      }
    }

    private void read(ConsumerRecord<String, byte[]> record, long readNanos) {
      if (record.key() == null || !tally.isOurs(record.key())) {
        return;
      }
      Object payload = serde.deserialize(record.topic(), record.value()).getPayload();
      if (payload instanceof OrderValidated) {
        tally.outcome(record.key(), "VALIDATED", List.of(), readNanos);
      } else if (payload instanceof OrderRejected rejected) {
        tally.outcome(record.key(), "REJECTED",
            rejected.getReasons().stream().map(Enum::name).toList(), readNanos);
      }
    }

    void awaitReady() throws InterruptedException {
      if (!ready.await(READER_START.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the outcome reader did not reach the end of " + ORDERS
            + " within " + READER_START);
      }
      if (failure() != null) {
        throw new IllegalStateException("the outcome reader failed: "
            + OrderTrips.describe(failure()), failure());
      }
    }

    RuntimeException failure() {
      return failure.get();
    }

    void stop() {
      stopped = true;
    }
  }
}
