package io.eventshop.product.kafka;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.platform.kafka.KafkaClients;
import io.eventshop.platform.kafka.ValueSerdes;
import io.eventshop.platform.web.Unavailable;
import io.eventshop.product.domain.CatalogueItem;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of {@code products}: an idempotent producer ({@code acks=all}); a write
 * returns once the broker has the record.
 */
public class ProductWriter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ProductWriter.class);

  private final Producer<String, Product> producer;
  private final Duration timeout;

  public ProductWriter(KafkaClients clients, ValueSerdes serdes, Duration timeout) {
    this(new KafkaProducer<>(clients.producer("products"), new StringSerializer(),
        serdes.of(Product.class).serializer()), timeout);
  }

  /** A writer over {@code producer} (e.g. a {@code MockProducer} in unit tests). */
  public ProductWriter(Producer<String, Product> producer, Duration timeout) {
    this.producer = producer;
    this.timeout = timeout;
  }

  /**
   * Writes {@code item} keyed by its sku and waits for the broker's acknowledgement.
   * {@code onAcknowledged} runs when the broker has the record — also when that happens after
   * this method gave up waiting, so a late write is never lost sight of.
   *
   * @throws Unavailable if the broker (or the schema registry) does not take it in time; the
   *                     record may still be written later
   */
  public RecordMetadata write(CatalogueItem item, Consumer<CatalogueItem> onAcknowledged) {
    try {
      return producer.send(new ProducerRecord<>(Topics.PRODUCTS.name(), item.sku(),
          ProductRecords.toRecord(item)), (metadata, error) -> {
            if (error == null) {
              onAcknowledged.accept(item);
            }
          }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while writing product " + item.sku());
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      log.warn("product {} not written: {}", item.sku(), e.toString());
      throw new Unavailable("product " + item.sku() + " could not be written now; retry");
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
