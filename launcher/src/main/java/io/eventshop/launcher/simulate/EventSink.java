package io.eventshop.launcher.simulate;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a simulation's events to their topic as Avro in the registry's wire format, with the
 * event time as the record's timestamp; batches for throughput (a source at 10,000 events/s).
 */
final class EventSink<T extends SpecificRecord> implements AutoCloseable {

  private final TopicSpec topic;
  private final KafkaProducer<String, T> producer;
  private final AtomicLong failed = new AtomicLong();
  private volatile Exception lastError;

  EventSink(TopicSpec topic, Class<T> type, Map<String, Object> clientConfig,
            SchemaRegistryClient registry, SerdeConfig serdes) {
    this.topic = topic;
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "simulate-" + topic.name());
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    this.producer = new KafkaProducer<>(config, new StringSerializer(),
        AvroSerde.forValues(type, serdes, registry).serializer());
  }

  void send(String key, T value, Instant eventTime) {
    producer.send(new ProducerRecord<>(topic.name(), null, eventTime.toEpochMilli(), key, value),
        (metadata, error) -> {
          if (error != null) {
            failed.incrementAndGet();
            lastError = error;
          }
        });
  }

  /** How many events Kafka refused so far, and why the last one was. */
  String failures() {
    return failed.get() == 0 ? "none failed"
        : failed.get() + " failed (" + lastError.getMessage() + ")";
  }

  long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    producer.close();
  }
}
