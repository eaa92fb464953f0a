package io.eventshop.contracts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic as the shop declares it: its name, what its keys and values are, and the settings that
 * make it an event stream (history kept by time, size or forever) or a state stream (compacted).
 *
 * <p>{@code replicationFactor} and {@code minInsyncReplicas} are what a production cluster should
 * use; the provisioner caps both to the number of brokers it finds, so the same catalogue serves a
 * one-broker laptop and a real cluster.
 *
 * @param name              the topic name; no other place in the code spells it
 * @param kind              event stream, state stream or infrastructure
 * @param keyType           what the key is, in the shop's words (e.g. "order id")
 * @param valueType         the record type of the values
 * @param partitions        number of partitions
 * @param replicationFactor replicas wanted on a cluster with enough brokers
 * @param minInsyncReplicas {@code min.insync.replicas} wanted on such a cluster
 * @param cleanupPolicy     {@code delete} (event stream) or {@code compact} (state stream)
 * @param retentionMs       {@code retention.ms}; {@link #FOREVER} keeps every event
 * <p>Keys are plain UTF-8 strings of entity ids (Kafka's {@code StringSerializer}), so that the
 * partition of a record depends on the entity id only and topics with the same partition count are
 * co-partitioned. Values of business topics are Avro records of {@code valueClass}, written in the
 * Confluent wire format and registered under {@link #valueSubject()}.
 *
 * @param retentionBytes    {@code retention.bytes} per partition; {@link #UNLIMITED} for no bound
 * @param valueClass        the generated Avro class of the values, or {@code null} for topics whose
 *                          values are not ours (dead letters: raw bytes; infrastructure)
 */
public record TopicSpec(String name, Kind kind, String keyType, String valueType, int partitions,
                        short replicationFactor, int minInsyncReplicas, CleanupPolicy cleanupPolicy,
                        long retentionMs, long retentionBytes,
                        Class<? extends SpecificRecord> valueClass) {

  /** {@code retention.ms} that keeps every event: the topic is the event store. */
  public static final long FOREVER = -1L;
  /** {@code retention.bytes} without a size bound. */
  public static final long UNLIMITED = -1L;

  /** How a topic is used, which decides its cleanup policy. */
  public enum Kind {
    /** Every fact, in order; history kept by time, size or forever. */
    EVENT_STREAM,
    /** The latest value per key; compacted. */
    STATE_STREAM,
    /** Records that could not be processed, kept for inspection and replay. */
    DEAD_LETTER,
    /** Topics owned by infrastructure (the schema registry, CDC). */
    INFRASTRUCTURE
  }

  /** Kafka's {@code cleanup.policy} values. */
  public enum CleanupPolicy {
    DELETE("delete"), COMPACT("compact");

    private final String config;

    CleanupPolicy(String config) {
      this.config = config;
    }

    public String config() {
      return config;
    }
  }

  /** A topic whose values are not Avro records of the shop (dead letters, infrastructure). */
  public TopicSpec(String name, Kind kind, String keyType, String valueType, int partitions,
                   short replicationFactor, int minInsyncReplicas, CleanupPolicy cleanupPolicy,
                   long retentionMs, long retentionBytes) {
    this(name, kind, keyType, valueType, partitions, replicationFactor, minInsyncReplicas,
        cleanupPolicy, retentionMs, retentionBytes, null);
  }

  public TopicSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be at least 1");
    }
    if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
      throw new IllegalArgumentException(name + ": need 1 <= min.insync.replicas <= replication");
    }
    if (kind == Kind.STATE_STREAM && cleanupPolicy != CleanupPolicy.COMPACT) {
      throw new IllegalArgumentException(name + ": a state stream must be compacted");
    }
  }

  /**
   * The topic-level configs the broker should hold for this topic, for a cluster of
   * {@code brokers} brokers.
   */
  public Map<String, String> configs(int brokers) {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("cleanup.policy", cleanupPolicy.config());
    configs.put("retention.ms", Long.toString(retentionMs));
    configs.put("retention.bytes", Long.toString(retentionBytes));
    configs.put("min.insync.replicas", Integer.toString(minInsyncReplicasFor(brokers)));
    return configs;
  }

  /** The replication factor to use on a cluster of {@code brokers} brokers. */
  public short replicationFactorFor(int brokers) {
    return (short) Math.min(replicationFactor, Math.max(1, brokers));
  }

  /** {@code min.insync.replicas} on a cluster of {@code brokers} brokers. */
  public int minInsyncReplicasFor(int brokers) {
    return Math.min(minInsyncReplicas, replicationFactorFor(brokers));
  }

  /** Whether the values of this topic are Avro records with a schema in the catalogue. */
  public boolean hasAvroValues() {
    return valueClass != null;
  }

  /**
   * The Avro schema of this topic's values: the schema of the generated class, which is also the
   * reader schema of every consumer.
   *
   * @throws IllegalStateException if the topic has no Avro values (see {@link #hasAvroValues()})
   */
  public Schema valueSchema() {
    if (valueClass == null) {
      throw new IllegalStateException(name + " has no Avro value schema (values are " + valueType
          + ")");
    }
    return SpecificData.get().getSchema(valueClass);
  }

  /** The registry subject of this topic's values ({@code <topic>-value}, TopicNameStrategy). */
  public String valueSubject() {
    return name + "-value";
  }

  /** The name of this topic's dead-letter topic. */
  public String deadLetterTopicName() {
    return name + Topics.DEAD_LETTER_SUFFIX;
  }
}
