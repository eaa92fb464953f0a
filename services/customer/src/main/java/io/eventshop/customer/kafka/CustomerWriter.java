package io.eventshop.customer.kafka;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.customer.domain.Customer;
import io.eventshop.customer.domain.CustomerEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of {@code customer-events} (history) and {@code customers} (compacted state):
 * a change's events and the customer's new state go out in ONE Kafka transaction, so the two
 * topics never disagree (read_committed readers see both or neither).
 *
 * <p>A producer runs one transaction at a time, so {@link #write} is synchronized. A write that
 * fails leaves the writer ready for the next one: its transaction is aborted, or, when the
 * producer cannot abort (a fatal error, a commit that timed out), the producer is closed and the
 * next write starts a new one, whose {@code initTransactions} finishes what the old one left open.
 */
public final class CustomerWriter implements AutoCloseable {

  /** The partition and offset of a committed state record in {@code customers}. */
  public record StateWritten(int partition, long offset) {
  }

  private static final Logger log = LoggerFactory.getLogger(CustomerWriter.class);

  private final Map<String, Object> producerConfig;
  private final AvroSerde<io.eventshop.contracts.customer.CustomerEvent> eventSerde;
  private final AvroSerde<io.eventshop.contracts.customer.Customer> customerSerde;
  private final Duration timeout;
  private Producer<String, byte[]> producer;

  /**
   * @param producerConfig a transactional producer's settings (with a {@code transactional.id}
   *                       stable for this instance, so a restarted instance fences its zombie)
   */
  public CustomerWriter(Map<String, Object> producerConfig,
                        AvroSerde<io.eventshop.contracts.customer.CustomerEvent> eventSerde,
                        AvroSerde<io.eventshop.contracts.customer.Customer> customerSerde,
                        Duration timeout) {
    this.producerConfig = Map.copyOf(producerConfig);
    this.eventSerde = eventSerde;
    this.customerSerde = customerSerde;
    this.timeout = timeout;
  }

  /**
   * Writes {@code events} and the resulting {@code state} in one transaction.
   *
   * @return where the state record landed in {@code customers}
   * @throws CustomerWriteFailed if the transaction did not commit within the timeout
   */
  public synchronized StateWritten write(List<CustomerEvent> events, Customer state) {
    Producer<String, byte[]> active = producer();
    try {
      active.beginTransaction();
      for (CustomerEvent event : events) {
        active.send(new ProducerRecord<>(Topics.CUSTOMER_EVENTS.name(), event.customerId(),
            eventSerde.serialize(Topics.CUSTOMER_EVENTS.name(), CustomerRecords.toRecord(event))));
      }
      Future<RecordMetadata> stateSent = active.send(new ProducerRecord<>(
          Topics.CUSTOMERS.name(), state.id(),
          customerSerde.serialize(Topics.CUSTOMERS.name(), CustomerRecords.toRecord(state))));
      // The records must be acknowledged before the commit is asked for. Kafka 4.3's producer
      // decides to send EndTxn on a check of its unsent batches made before it takes its lock, so
      // a commit right after send() can overtake the records; with transactions v2 (no
      // AddPartitionsToTxn) the coordinator then has no transaction and answers
      // INVALID_TXN_STATE, a fatal error (measured: about 1 write in 1,500 with 16 clients).
      // No cost: the commit waits for the records anyway.
      active.flush();
      RecordMetadata written = stateSent.get();
      active.commitTransaction();
      return new StateWritten(written.partition(), written.offset());
    } catch (ProducerFencedException fenced) {
      // Another instance took over our transactional id: this producer can never write again.
      discard();
      throw new CustomerWriteFailed("this instance was fenced by a newer one", fenced);
    } catch (ExecutionException e) {
      abort(active);
      throw new CustomerWriteFailed(e.getCause().getMessage(), e.getCause());
    } catch (KafkaException e) {
      abort(active);
      throw new CustomerWriteFailed(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(active);
      throw new CustomerWriteFailed("interrupted", e);
    }
  }

  private Producer<String, byte[]> producer() {
    if (producer == null) {
      Map<String, Object> config = new HashMap<>(producerConfig);
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
      // A REST caller waits for this write: give up within the write timeout, not Kafka's minutes.
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() / 2);
      KafkaProducer<String, byte[]> created = new KafkaProducer<>(config, new StringSerializer(),
          new ByteArraySerializer());
      try {
        created.initTransactions();
      } catch (KafkaException e) {
        created.close(Duration.ZERO);
        throw new CustomerWriteFailed("cannot start the transactional writer: " + e.getMessage(),
            e);
      }
      producer = created;
    }
    return producer;
  }

  private void abort(Producer<String, byte[]> active) {
    try {
      active.abortTransaction();
    } catch (KafkaException | IllegalStateException e) {
      // The producer is in a state it cannot leave: a fatal error (KafkaException), or a commit
      // that timed out and may only be retried (IllegalStateException). Left as it is, it would
      // fail every later write; start afresh instead.
      log.warn("Could not abort a customer transaction, recreating the writer: {}", e.toString());
      discard();
    }
  }

  private void discard() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(timeout);
      producer = null;
    }
  }
}
