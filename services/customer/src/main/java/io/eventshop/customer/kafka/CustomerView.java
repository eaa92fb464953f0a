package io.eventshop.customer.kafka;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.kafka.CustomerWriter.StateWritten;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.TopicTail;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;

/**
 * Every customer, in memory, materialised from the compacted {@code customers} topic by a
 * {@link TopicTail} of all its partitions (no group: every instance holds the whole table) that
 * reads committed records from the beginning; the service's own writes are applied as soon as
 * their transaction commits (write-through), so a GET right after a POST finds the customer.
 *
 * <p>Each entry remembers the offset it came from; a record from the topic replaces an entry only
 * if it is not older, so the tail catching up never undoes a newer write-through.
 *
 * <p>The view also says how far it has read each partition ({@link #awaitRead}): a transaction's
 * commit returns before its markers reach the partitions, so only a read_committed reader having
 * passed a record proves that every other such reader (the order checks) can see it too.
 */
public final class CustomerView implements SmartLifecycle {

  private record Entry(Customer customer, long offset) {
  }

  private final AvroSerde<io.eventshop.contracts.customer.Customer> serde;
  private final Map<String, Entry> customers = new ConcurrentHashMap<>();
  private final TopicTail tail;

  public CustomerView(KafkaClients clients,
                      AvroSerde<io.eventshop.contracts.customer.Customer> serde) {
    this.serde = serde;
    // The Streams side dead-letters an undecodable record once; every instance's view skips it.
    this.tail = TopicTail.of("customer-view", clients, Topics.CUSTOMERS.name())
        .skipPoison()
        .onRecord(this::read)
        .build();
  }

  /** The customer, if known. */
  public Optional<Customer> find(String id) {
    Entry entry = customers.get(id);
    return entry == null ? Optional.empty() : Optional.of(entry.customer());
  }

  /** Whether the view has read {@code customers} up to where it ended at start-up. */
  public boolean caughtUp() {
    return tail.caughtUp();
  }

  /** Waits until {@link #caughtUp}; false if that did not happen within {@code timeout}. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return tail.awaitCaughtUp(timeout);
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
    return tail.awaitReadPast(new TopicPartition(Topics.CUSTOMERS.name(), written.partition()),
        written.offset(), timeout);
  }

  @Override
  public void start() {
    tail.start();
  }

  @Override
  public void stop() {
    tail.close();
  }

  @Override
  public boolean isRunning() {
    return tail.isRunning();
  }

  private void read(ConsumerRecord<String, byte[]> record) {
    io.eventshop.contracts.customer.Customer value =
        serde.deserialize(record.topic(), record.value());
    apply(record.key(), value == null ? null : CustomerRecords.fromRecord(value), record.offset());
  }

  private void apply(String id, Customer customer, long offset) {
    customers.compute(id, (key, current) -> {
      if (current != null && current.offset() > offset) {
        return current;
      }
      return customer == null ? null : new Entry(customer, offset);
    });
  }
}
