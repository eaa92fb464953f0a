package io.eventshop.platform.streams;

import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.kafka.KafkaClients;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings of a service, built on {@link KafkaClients} so that Streams gets the
 * same bootstrap servers and client properties file as every other client: {@code exactly_once_v2},
 * the configured commit interval, threads and state directory, and undecodable records to
 * {@code <topic>.dlq} ({@link DeadLetterDeserializationHandler}).
 */
public final class StreamsSettings {

  private StreamsSettings() {
  }

  /**
   * @param applicationServer {@code host:port} of this instance's HTTP endpoint for interactive
   *                          queries, or {@code null} when the service serves no queries
   */
  public static Properties of(KafkaClients clients, EventshopProperties properties,
                              String applicationServer) {
    EventshopProperties.Kafka kafka = properties.kafka();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, clients.applicationId());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    config.put(StreamsConfig.CLIENT_ID_CONFIG, clients.clientId("streams"));
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, kafka.commitInterval().toMillis());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(properties).toString());
    config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, kafka.streamThreads());
    config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    config.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG),
        clients.transactionalRetryBackoff());
    // Kafka 4.x warns at every start unless the global thread's handler setting is explicit.
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    if (applicationServer != null) {
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    Properties streams = new Properties();
    streams.putAll(clients.withClientProperties(config));
    return streams;
  }

  /** The Kafka Streams state directory of this instance. */
  public static Path stateDir(EventshopProperties properties) {
    return properties.stateDir();
  }
}
