package io.eventshop.sql.format;

import io.eventshop.platform.kafka.DeadLetters;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The dead-letter senders the format's tasks share, one per Kafka cluster in a JVM: a format is
 * shipped to its tasks serialised, so it carries the producer's settings, not a producer, and
 * every query over the cluster sends through the same one (created at the first dead letter).
 */
final class DeadLetterProducers {

  private static final Map<Properties, DeadLetters> BY_SETTINGS = new ConcurrentHashMap<>();

  private DeadLetterProducers() {
  }

  static DeadLetters forSettings(Properties producer) {
    return BY_SETTINGS.computeIfAbsent(producer, settings -> new DeadLetters(() ->
        new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer())));
  }
}
