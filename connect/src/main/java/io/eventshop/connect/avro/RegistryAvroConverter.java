package io.eventshop.connect.avro;

import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.contracts.serde.SerdeConfig;
import io.eventshop.contracts.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Kafka Connect {@link Converter} that writes and reads Avro in the Confluent wire format
 * ({@link WireFormat}: magic byte 0, the 4-byte schema id, Avro binary) over our schema
 * registry client. It exists because Confluent's AvroConverter is not on Maven Central; what it
 * writes is read by our {@link AvroSerde}s, by Confluent's deserialisers and by this converter.
 *
 * <p>Configure it on a worker or a connector:
 * <pre>
 * value.converter=io.eventshop.connect.avro.RegistryAvroConverter
 * value.converter.schema.registry.url=http://127.0.0.1:8081
 * value.converter.auto.register.schemas=true   # the default
 * </pre>
 * (the same with {@code key.converter}). A Connect struct becomes an Avro record named after it
 * (Debezium's {@code crm.public.customer.Value} is the record {@code Value} in namespace
 * {@code crm.public.customer}), optional becomes {@code [null, T]}, Connect's Decimal, Date, Time
 * and Timestamp become Avro's logical types, and what Avro has no place for (names, versions and
 * parameters of other types, INT8/INT16) rides in {@code connect.*} properties, so that
 * {@link #toConnectData} gives back the schema that was written. Any Avro schema
 * of records, enums, fixed, {@code [null, T]} unions and the common logical types reads too.
 *
 * <p>Writing registers the record's schema under {@code <topic>-value} (or {@code -key}),
 * Confluent's TopicNameStrategy, or with {@code auto.register.schemas=false} only looks its id
 * up. {@code use.latest.version} is not supported. Ids and schemas are cached: once a topic has
 * seen a schema, no record makes an HTTP call. A null value is a tombstone both ways.
 *
 * <p>A record that cannot be converted (wrong magic byte, truncated bytes, unknown schema id, a
 * value without a schema or not of its schema) throws {@link DataException} naming the topic, so
 * that {@code errors.tolerance} and the dead-letter queue handle it; a registry that is down or
 * failing throws {@link RetriableException}, for Connect to retry instead of dead-lettering a
 * record that is fine.
 */
public final class RegistryAvroConverter implements Converter {

  /** Entries of each cache: schemas of a connector's tables, not its records. */
  private static final int CACHE_SIZE = 1000;

  private final SchemaRegistryClient givenRegistry;
  private final ConnectToAvroSchema toAvroSchema = new ConnectToAvroSchema(CACHE_SIZE);
  private final BoundedCache<TopicSchema, Writer> writers = new BoundedCache<>(CACHE_SIZE);
  private final BoundedCache<Integer, Reader> readers = new BoundedCache<>(CACHE_SIZE);
  private volatile SchemaRegistryClient registry;
  private volatile boolean autoRegister;
  private volatile String subjectSuffix;

  private record TopicSchema(String topic, Schema schema) {
  }

  private record Writer(int id, org.apache.avro.Schema schema, DatumWriter<Object> writer) {
  }

  private record Reader(org.apache.avro.Schema avro, Schema connect, DatumReader<Object> reader) {
  }

  /** The converter Connect creates by class name; {@link #configure} names the registry. */
  public RegistryAvroConverter() {
    this.givenRegistry = null;
  }

  /**
   * A converter over {@code registry} (a test registry, or a client shared with other code)
   * instead of one for {@code schema.registry.url}; {@link #configure} must still be called.
   */
  public RegistryAvroConverter(SchemaRegistryClient registry) {
    this.givenRegistry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Reads {@code schema.registry.url} (required) and {@code auto.register.schemas} (default
   * true).
   *
   * @throws ConfigException if the URL is missing, or {@code use.latest.version} is asked for
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig config = SerdeConfig.from(configs);
    if (config.useLatestVersion()) {
      throw new ConfigException(SerdeConfig.USE_LATEST_VERSION, true,
          "not supported by " + getClass().getSimpleName()
              + ": it writes with the schema of each record");
    }
    this.registry = givenRegistry != null
        ? givenRegistry : new CachedSchemaRegistryClient(config.registryUrl());
    this.autoRegister = config.autoRegister();
    this.subjectSuffix = isKey ? "-key" : "-value";
    writers.clear();
    readers.clear();
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    if (schema == null) {
      throw new DataException("cannot write a record to " + topic + ": "
          + getClass().getSimpleName() + " needs schemas, and this value has none (a schemaless"
          + " source needs a converter without schemas, e.g. JsonConverter with"
          + " schemas.enable=false)");
    }
    Writer writer = writers.get(new TopicSchema(topic, schema), this::writerFor);
    ByteArrayOutputStream out = WireFormat.startWith(writer.id());
    try {
      Object datum = ConnectToAvroValue.convert(schema, writer.schema(), value);
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writer.writer().write(datum, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new DataException("cannot write a record to " + topic + " with schema id "
          + writer.id() + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    int id;
    try {
      id = WireFormat.schemaId("a record", topic, value);
    } catch (SerializationException e) {
      throw new DataException(e.getMessage(), e);
    }
    Reader reader = readers.get(id, key -> readerFor(topic, key));
    try {
      Object datum = reader.reader().read(null, DecoderFactory.get().binaryDecoder(value,
          WireFormat.HEADER_SIZE, value.length - WireFormat.HEADER_SIZE, null));
      return new SchemaAndValue(reader.connect(),
          AvroToConnectValue.convert(reader.avro(), reader.connect(), datum));
    } catch (IOException | RuntimeException e) {
      throw new DataException("cannot read a record of " + topic + " with schema id " + id
          + " (" + (value.length - WireFormat.HEADER_SIZE)
          + " bytes of Avro, truncated or not of that schema): " + e, e);
    }
  }

  private Writer writerFor(TopicSchema key) {
    String subject = key.topic() + subjectSuffix;
    org.apache.avro.Schema avro;
    try {
      avro = toAvroSchema.toAvro(key.schema());
    } catch (RuntimeException e) {
      throw new DataException("cannot write a record to " + key.topic()
          + ": its Connect schema has no Avro schema: " + e.getMessage(), e);
    }
    try {
      int id = autoRegister ? registry().register(subject, avro) : registry().lookup(subject, avro);
      return new Writer(id, avro, new GenericDatumWriter<>(avro, MappingConventions.RAW_DATA));
    } catch (SchemaRegistryException e) {
      throw registryError("cannot write a record to " + key.topic() + ": no schema id for "
          + "subject " + subject + (autoRegister ? "" : " (auto.register.schemas is false)")
          + ": " + e.getMessage(), e);
    }
  }

  private Reader readerFor(String topic, int id) {
    org.apache.avro.Schema avro;
    try {
      avro = registry().getById(id);
    } catch (SchemaRegistryException e) {
      throw registryError("cannot read a record of " + topic + ": no schema for id " + id
          + " in the registry: " + e.getMessage(), e);
    }
    try {
      return new Reader(avro, AvroToConnectSchema.toConnect(avro),
          new GenericDatumReader<>(avro, avro, MappingConventions.RAW_DATA));
    } catch (RuntimeException e) {
      throw new DataException("cannot read a record of " + topic + ": schema id " + id
          + " has no Connect schema: " + e.getMessage(), e);
    }
  }

  private SchemaRegistryClient registry() {
    SchemaRegistryClient current = registry;
    if (current == null) {
      throw new IllegalStateException(getClass().getSimpleName()
          + " is not configured: call configure() with " + SerdeConfig.REGISTRY_URL);
    }
    return current;
  }

  private static RuntimeException registryError(String message, SchemaRegistryException e) {
    return SchemaRegistryException.isTransient(e)
        ? new RetriableException(message, e) : new DataException(message, e);
  }
}
