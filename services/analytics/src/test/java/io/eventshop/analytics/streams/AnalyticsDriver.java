package io.eventshop.analytics.streams;

import io.eventshop.analytics.config.AnalyticsSettings;
import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.InMemorySchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole analytics topology in a {@link TopologyTestDriver}, with an in-memory registry. Time
 * is the events' own: records are piped with whatever timestamp, the topology reads the event's.
 */
final class AnalyticsDriver implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SerdeConfig config = SerdeConfig.autoRegistering("mock://analytics-test");
  final TopologyTestDriver driver;

  AnalyticsDriver(AnalyticsSettings settings) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(AnalyticsTopology.build(this::serde, settings), props, T0);
  }

  AnalyticsDriver() {
    this(settings());
  }

  /** The defaults of the service. */
  static AnalyticsSettings settings() {
    return settings(Duration.ofSeconds(30));
  }

  static AnalyticsSettings settings(Duration grace) {
    return new AnalyticsSettings(grace, Duration.ofMinutes(10), Duration.ofMinutes(1), 10,
        Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofHours(1), null, 3,
        Duration.ofSeconds(5));
  }

  <T extends SpecificRecord> Serde<T> serde(Class<T> type) {
    return AvroSerde.forValues(type, config, registry);
  }

  <T extends SpecificRecord> TestInputTopic<String, T> input(TopicSpec topic, Class<T> type) {
    return driver.createInputTopic(topic.name(), Serdes.String().serializer(),
        serde(type).serializer());
  }

  <T extends SpecificRecord> TestOutputTopic<String, T> output(TopicSpec topic, Class<T> type) {
    return driver.createOutputTopic(topic.name(), Serdes.String().deserializer(),
        serde(type).deserializer());
  }

  /** The latest value per key of what {@code topic} has received since the last read. */
  static <T> Map<String, T> latest(TestOutputTopic<String, T> topic) {
    Map<String, T> latest = new LinkedHashMap<>();
    topic.readKeyValuesToList().forEach(record -> latest.put(record.key, record.value));
    return latest;
  }

  @Override
  public void close() {
    driver.close();
  }
}
