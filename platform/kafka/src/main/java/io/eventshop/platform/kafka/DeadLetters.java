package io.eventshop.platform.kafka;

import io.eventshop.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters for plain consumers: a record that cannot be decoded or is invalid goes, unchanged,
 * to {@code <topic>.dlq} with the reason in headers, and the consumer carries on. Consume with
 * {@code ByteArrayDeserializer}s and decode in a try/catch:
 *
 * <pre>{@code
 * try {
 *   handle(serde.deserializer().deserialize(record.topic(), record.value()));
 * } catch (SerializationException | InvalidEventException e) {
 *   deadLetters.send(record, e);
 * }
 * }</pre>
 *
 * <p>A transactional writer puts {@link #deadLetterOf} into its own transaction instead.
 * Kafka Streams applications get the same behaviour from {@link DeadLetterDeserializationHandler}.
 */
public final class DeadLetters implements AutoCloseable {

  /** Header: class name of the exception that rejected the record. */
  public static final String ERROR_CLASS = "dlq.error.class";
  /** Header: its message. */
  public static final String ERROR_MESSAGE = "dlq.error.message";
  /** Header: the topic the record was read from. */
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  /** Header: its partition (decimal text). */
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  /** Header: its offset (decimal text). */
  public static final String SOURCE_OFFSET = "dlq.source.offset";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final int MAX_MESSAGE_LENGTH = 2_000;
  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final Supplier<Producer<byte[], byte[]>> producerFactory;
  private Producer<byte[], byte[]> producer;

  /**
   * Dead letters sent by a producer of their own, configured by {@code clients} and created at
   * the first dead letter (most components never send one).
   */
  public DeadLetters(KafkaClients clients) {
    this(() -> new KafkaProducer<>(clients.producer("dead-letters"), new ByteArraySerializer(),
        new ByteArraySerializer()));
  }

  /** Dead letters sent by the producer {@code producerFactory} makes at the first dead letter. */
  public DeadLetters(Supplier<Producer<byte[], byte[]>> producerFactory) {
    this.producerFactory = producerFactory;
  }

  /**
   * Sends {@code record} to its dead-letter topic and waits until the broker has it, so that the
   * caller may commit the record's offset afterwards.
   */
  public void send(ConsumerRecord<byte[], byte[]> record, Throwable error) {
    ProducerRecord<byte[], byte[]> deadLetter = deadLetterOf(record, error);
    log.warn("dead letter: {}-{}@{} -> {}: {}", record.topic(), record.partition(),
        record.offset(), deadLetter.topic(), error.toString());
    try {
      producer().send(deadLetter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending a dead letter to " + deadLetter.topic(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException("could not send a dead letter to " + deadLetter.topic(), e);
    }
  }

  /**
   * The dead letter of {@code record}: same key, value and headers, on {@code <topic>.dlq}, plus
   * the {@code dlq.*} headers naming the error and the source position.
   */
  public static ProducerRecord<byte[], byte[]> deadLetterOf(ConsumerRecord<byte[], byte[]> record,
                                                            Throwable error) {
    return deadLetterOf(record.topic(), record.partition(), record.offset(), record.key(),
        record.value(), record.headers(), error);
  }

  static ProducerRecord<byte[], byte[]> deadLetterOf(String topic, int partition, long offset,
                                                     byte[] key, byte[] value,
                                                     Headers originalHeaders, Throwable error) {
    Headers headers = new RecordHeaders(originalHeaders == null ? null : originalHeaders.toArray());
    headers.add(ERROR_CLASS, utf8(error.getClass().getName()));
    headers.add(ERROR_MESSAGE, utf8(messageOf(error)));
    headers.add(SOURCE_TOPIC, utf8(topic));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(partition)));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(offset)));
    return new ProducerRecord<>(topic + Topics.DEAD_LETTER_SUFFIX, null, key, value, headers);
  }

  /** The message of {@code error} and its causes, so the root reason is not lost in wrapping. */
  static String messageOf(Throwable error) {
    StringBuilder message = new StringBuilder();
    for (Throwable t = error; t != null && message.length() < MAX_MESSAGE_LENGTH; t = t.getCause()) {
      if (!message.isEmpty()) {
        message.append(" <- ");
      }
      message.append(t == error ? String.valueOf(t.getMessage()) : t.toString());
      if (t.getCause() == t) {
        break;
      }
    }
    return message.length() > MAX_MESSAGE_LENGTH
        ? message.substring(0, MAX_MESSAGE_LENGTH) : message.toString();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private synchronized Producer<byte[], byte[]> producer() {
    if (producer == null) {
      producer = producerFactory.get();
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close();
    }
  }
}
