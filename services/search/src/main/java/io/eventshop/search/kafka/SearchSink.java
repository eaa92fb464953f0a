package io.eventshop.search.kafka;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.EnrichedOrder;
import io.eventshop.contracts.analytics.EnrichedOrderLine;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.contracts.stock.StockLevel;
import io.eventshop.platform.kafka.DeadLetters;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.search.index.CustomerDocument;
import io.eventshop.search.index.IndexChanges;
import io.eventshop.search.index.OrderDocument;
import io.eventshop.search.index.ProductDocument;
import io.eventshop.search.index.SearchIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The search sink: a {@link TopicTail} of {@code products}, {@code stock-levels},
 * {@code customers} and {@code orders-enriched} (every partition, no group: each instance keeps
 * a whole index of its own) that writes what it reads into the {@link SearchIndex}.
 *
 * <ul>
 *   <li><b>Batches.</b> The records of one poll become one {@link IndexChanges}, written after
 *       the poll, committed and visible before the next poll: a change is searchable a poll
 *       after it is readable (well under a second), and a burst costs one commit per poll, not
 *       one per record.</li>
 *   <li><b>Offsets.</b> Each batch stores how far it read each partition in the index itself,
 *       after its documents; a start resumes there ({@link TopicTail.Builder#resumingAt}). An
 *       empty index (deleted, or a new cluster) has no checkpoints: the sink reads the topics
 *       from the start, which rebuilds it.</li>
 *   <li><b>Poison.</b> A record that does not decode goes to {@code <topic>.dlq} (the tail's
 *       dead letters) and counts as read; the next one is indexed.</li>
 *   <li><b>An index that does not answer</b> (a cluster down) stops the sink where it is: the
 *       batch is tried again every second until it is written or the service stops, so nothing
 *       is skipped.</li>
 * </ul>
 */
public final class SearchSink implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchSink.class);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final SearchIndex index;
  private final KafkaClients clients;
  private final DeadLetters deadLetters;
  private final AvroSerde<Product> products;
  private final AvroSerde<StockLevel> stockLevels;
  private final AvroSerde<Customer> customers;
  private final AvroSerde<EnrichedOrder> orders;
  private final Timer batches;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Clock clock;
  /** Records taken since the last rebuild began (every record: documents, tombstones, poison). */
  private final AtomicLong recordsSinceStart = new AtomicLong();
  /** Replaced by a tail from the start of every topic when the index is rebuilt. */
  private volatile TopicTail tail;
  /** Set while a rebuild stops the running tail, so a batch it retries gives up. */
  private volatile boolean restarting;
  /** The batch being read; the tail's thread only. */
  private IndexChanges batch = new IndexChanges();
  private volatile Instant lastWrite;
  /** The rebuild asked last, if any. */
  private volatile Instant rebuildStarted;

  public SearchSink(KafkaClients clients, DeadLetters deadLetters, ValueSerdes serdes,
                    SearchIndex index, MeterRegistry meters, Clock clock) {
    this.index = index;
    this.clients = clients;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.products = serdes.of(Product.class);
    this.stockLevels = serdes.of(StockLevel.class);
    this.customers = serdes.of(Customer.class);
    this.orders = serdes.of(EnrichedOrder.class);
    this.batches = Timer.builder("search.sink.batches")
        .description("Batches of records written to the index, and how long each write took")
        .register(meters);
    this.tail = tailResumingAt(index.checkpoints());
  }

  private TopicTail tailResumingAt(Map<TopicPartition, Long> offsets) {
    return TopicTail.of("search-sink", clients, Topics.PRODUCTS.name(),
            Topics.STOCK_LEVELS.name(), Topics.CUSTOMERS.name(), Topics.ORDERS_ENRICHED.name())
        .resumingAt(offsets)
        // New topics (a shop that starts after the service) are found within a second.
        .refreshingEvery(Duration.ofSeconds(1))
        .onRecord(this::take)
        .afterEachPoll(this::write)
        .build(deadLetters);
  }

  /**
   * Rebuilds the index from the topics: stops the sink, deletes every document and checkpoint,
   * then reads every topic again from its start. Searches answer meanwhile from what is rebuilt
   * so far, and the health is DOWN until the sink has caught up again, as after a first start.
   */
  public synchronized Rebuild rebuild() {
    restarting = true;
    try {
      tail.close();
    } finally {
      restarting = false;
    }
    // The old tail's thread has stopped: its batch of a poll not written is dropped with it.
    batch = new IndexChanges();
    index.purgeAll();
    log.info("search-sink: rebuilding {} from the start of the topics", index.description());
    rebuildStarted = clock.instant();
    recordsSinceStart.set(0);
    lastWrite = null;
    tail = tailResumingAt(Map.of());
    tail.start();
    return rebuildProgress().orElseThrow();
  }

  /** How far the last rebuild is; empty when none was asked since the service started. */
  public Optional<Rebuild> rebuildProgress() {
    Instant started = rebuildStarted;
    if (started == null) {
      return Optional.empty();
    }
    TopicTail current = tail;
    TopicTail.CatchUp catchUp = current.catchUp();
    Instant written = lastWrite;
    boolean done = current.caughtUp();
    Instant end = done ? (written == null ? started : written) : clock.instant();
    return Optional.of(new Rebuild(current.failed() ? Rebuild.State.FAILED
        : done ? Rebuild.State.DONE : Rebuild.State.REBUILDING, started,
        recordsSinceStart.get(), catchUp.read(), catchUp.held(),
        Duration.between(started, end).toMillis()));
  }

  /** Whether the index holds what the topics held when the sink started (and it still runs). */
  public boolean caughtUp() {
    return tail.isRunning() && tail.caughtUp();
  }

  /** Whether an error stopped the sink. */
  public boolean failed() {
    return tail.failed();
  }

  @Override
  public void start() {
    tail.start();
  }

  @Override
  public void stop() {
    stopping.countDown();
    tail.close();
  }

  @Override
  public boolean isRunning() {
    return tail.isRunning();
  }

  private void take(ConsumerRecord<String, byte[]> record) {
    recordsSinceStart.incrementAndGet();
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    try {
      if (record.key() != null) {
        apply(record);
      }
    } catch (RuntimeException e) {
      if (!SchemaRegistryException.isTransient(e)) {
        // Dead-lettered by the tail: read, as far as the index is concerned.
        batch.readUpTo(partition, record.offset() + 1);
      }
      throw e;
    }
    batch.readUpTo(partition, record.offset() + 1);
  }

  private void apply(ConsumerRecord<String, byte[]> record) {
    String key = record.key();
    String topic = record.topic();
    if (topic.equals(Topics.PRODUCTS.name())) {
      Product product = decode(products, record);
      batch.catalogue(key, product == null ? null
          : ProductDocument.listed(key, product.getName(), product.getDescription(),
              product.getCategory(), product.getPrice(), product.getUpdatedAt()));
    } else if (topic.equals(Topics.STOCK_LEVELS.name())) {
      StockLevel level = decode(stockLevels, record);
      batch.stock(key, level == null ? null : level.getOnHand(),
          level == null ? null : level.getReserved());
    } else if (topic.equals(Topics.CUSTOMERS.name())) {
      Customer customer = decode(customers, record);
      if (customer == null) {
        batch.deleteCustomer(key);
      } else {
        batch.put(new CustomerDocument(key, customer.getName(), customer.getEmail(),
            customer.getAddress().getCity(), customer.getAddress().getCountry(),
            customer.getStatus().name()));
      }
    } else if (topic.equals(Topics.ORDERS_ENRICHED.name())) {
      EnrichedOrder order = decode(orders, record);
      if (order == null) {
        batch.deleteOrder(key);
      } else {
        batch.put(new OrderDocument(key, order.getCustomerId(), order.getCustomerName(),
            order.getLines().stream().map(EnrichedOrderLine::getProductName)
                .filter(Objects::nonNull).distinct().toList(),
            order.getLines().stream().map(EnrichedOrderLine::getSku).distinct().toList(),
            order.getLines().stream().map(EnrichedOrderLine::getCategory)
                .filter(Objects::nonNull).distinct().toList(),
            order.getState().name(), order.getCountry(), order.getTotal(), order.getPlacedAt()));
      }
    }
  }

  /** A tombstone is null; anything that does not decode throws (and is dead-lettered). */
  private static <T extends org.apache.avro.specific.SpecificRecord> T decode(
      AvroSerde<T> serde, ConsumerRecord<String, byte[]> record) {
    return record.value() == null ? null : serde.deserialize(record.topic(), record.value());
  }

  private void write() throws InterruptedException {
    if (batch.isEmpty()) {
      return;
    }
    while (true) {
      try {
        batches.record(() -> index.apply(batch));
        batch = new IndexChanges();
        lastWrite = clock.instant();
        return;
      } catch (RuntimeException e) {
        log.warn("search-sink: the index ({}) did not take a batch; trying again in {} s: {}",
            index.description(), RETRY.toSeconds(), e.toString());
        if (restarting || stopping.await(RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("stopped before the batch was written", e);
        }
      }
    }
  }
}
