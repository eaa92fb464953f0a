package io.eventshop.platform.kafka;

import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.GenericAvroDeserializer;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.platform.EventshopProperties;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the Avro value serdes of a service, all bound to the configured schema registry and
 * sharing one {@link SchemaRegistryClient} (and so its caches):
 * {@code valueSerdes.of(Product.class)}. Keys are plain strings ({@code Serdes.String()}).
 */
public final class ValueSerdes {

  private final SerdeConfig config;
  private final SchemaRegistryClient registry;

  public ValueSerdes(EventshopProperties properties, SchemaRegistryClient registry) {
    this.config = new SerdeConfig(properties.schemaRegistry().url(),
        properties.schemaRegistry().autoRegister(),
        properties.schemaRegistry().useLatestVersion());
    this.registry = registry;
  }

  /** A value serde of {@code type} in the Confluent wire format. */
  public <T extends SpecificRecord> AvroSerde<T> of(Class<T> type) {
    return AvroSerde.forValues(type, config, registry);
  }

  /**
   * A serde that reads Avro records written by someone else (a Kafka Connect source) with the
   * schema each was written with, as {@link GenericRecord}s; for sources of a topology only: it
   * does not write.
   */
  public Serde<GenericRecord> foreignRecords() {
    return GenericAvroDeserializer.readOnlySerde(registry);
  }

  /** The registry settings the serdes use. */
  public SerdeConfig config() {
    return config;
  }
}
