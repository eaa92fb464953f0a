package io.eventshop.platform.streams;

import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.platform.kafka.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams handler for records that cannot be deserialized: the raw record goes to
 * {@code <topic>.dlq} with the {@code dlq.*} headers of {@link DeadLetters} and processing
 * continues with the next record.
 *
 * <p>The dead letter is returned to Kafka Streams (KIP-1034), which sends it with the task's own
 * producer: under {@code exactly_once_v2} it is part of the same transaction as the offsets, so a
 * poison record is dead-lettered exactly once. The {@code <topic>.dlq} topic must exist (the
 * catalogue declares one for every business topic).
 *
 * <p>Records of global stores (GlobalKTables) are the exception: the global thread has no task
 * producer to send what the handler returns (Kafka 4.3 then fails with a
 * {@code ClassCastException} and the global thread dies for good, KAFKA-19939). Their dead
 * letters go out through a producer of this handler's own, acknowledged before the global thread
 * moves on; the global thread is not transactional, so nothing is lost and, after a crash between
 * the dead letter and the global checkpoint, a record may be dead-lettered twice. The topics of
 * global stores come in {@link #GLOBAL_TOPICS_CONFIG} ({@code StreamsApp} sets it).
 *
 * <p>Exception: when the schema registry is unreachable or failing, the record is probably fine,
 * so it is not dead-lettered; the stream thread fails and is replaced (see {@code StreamsApp}),
 * reading the record again once the registry answers.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  /** Comma-separated topics read by global stores, whose dead letters this handler sends. */
  public static final String GLOBAL_TOPICS_CONFIG = "eventshop.dead-letters.global-topics";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private Set<String> globalTopics = Set.of();
  private DeadLetters globalDeadLetters;

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                              Exception exception) {
    if (SchemaRegistryException.isTransient(exception)) {
      // The record may well be fine: the registry is down. Dead-lettering it would lose a good
      // record, so stop instead; the thread is replaced and reads the record again.
      log.error("cannot deserialize {}-{}@{}: the schema registry is not answering",
          record.topic(), record.partition(), record.offset());
      return Response.fail();
    }
    if (globalTopics.contains(record.topic())) {
      globalDeadLetters.send(record, exception);
      return Response.resume();
    }
    log.warn("dead letter: {}-{}@{} could not be deserialized: {}", record.topic(),
        record.partition(), record.offset(), exception.toString());
    return Response.resume(List.of(DeadLetters.deadLetterOf(record, exception)));
  }

  @Override
  public void configure(Map<String, ?> configs) {
    Object topics = configs.get(GLOBAL_TOPICS_CONFIG);
    if (topics == null || topics.toString().isBlank()) {
      return;
    }
    globalTopics = Set.of(topics.toString().split(","));
    Map<String, Object> producer = new StreamsConfig(configs).getProducerConfigs(
        configs.get(StreamsConfig.CLIENT_ID_CONFIG) + "-global-dead-letters");
    producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    // Created at the first dead letter only; most runs never send one.
    globalDeadLetters = new DeadLetters(() -> new KafkaProducer<>(producer,
        new ByteArraySerializer(), new ByteArraySerializer()));
  }
}
