package io.eventshop.platform.streams;

import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.platform.kafka.DeadLetters;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * <p>Exception: when the schema registry is unreachable or failing, the record is probably fine,
 * so it is not dead-lettered; the stream thread fails and is replaced (see {@code StreamsApp}),
 * reading the record again once the registry answers.
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

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
    log.warn("dead letter: {}-{}@{} could not be deserialized: {}", record.topic(),
        record.partition(), record.offset(), exception.toString());
    return Response.resume(List.of(DeadLetters.deadLetterOf(record, exception)));
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // nothing to configure: the dead-letter topic follows from the source topic
  }
}
