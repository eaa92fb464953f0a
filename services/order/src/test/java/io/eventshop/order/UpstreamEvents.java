package io.eventshop.order;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.order.OrderValidation;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.testing.SharedKafka;
import io.eventshop.testing.SharedSchemaRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the order service's tests write in place of the services upstream of it: products (the
 * product service's state stream) and validations (the customer, stock and fraud checks).
 */
final class UpstreamEvents implements AutoCloseable {

  private static final SerdeConfig SERDES = SerdeConfig.autoRegistering("http://in-memory");

  private final KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
      ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
      ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
      (topic, value) -> value instanceof Product product
          ? AvroSerde.forValues(Product.class, SERDES, SharedSchemaRegistry.INSTANCE)
              .serialize(topic, product)
          : AvroSerde.forValues(OrderValidation.class, SERDES, SharedSchemaRegistry.INSTANCE)
              .serialize(topic, (OrderValidation) value));

  /** Publishes a product of the catalogue, as the product service does, and waits for the ack. */
  void product(String sku, String name, String price)
      throws ExecutionException, InterruptedException {
    producer.send(new ProducerRecord<>(Topics.PRODUCTS.name(), sku, new Product(sku, name,
        "A " + name.toLowerCase(), "kitchen", new BigDecimal(price), Instant.now()))).get();
  }

  /** Publishes one check's verdict on an order and waits for the ack. */
  void validation(OrderValidation validation) throws ExecutionException, InterruptedException {
    producer.send(new ProducerRecord<>(Topics.ORDER_VALIDATIONS.name(), validation.getOrderId(),
        validation)).get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
