package io.eventshop.contracts.serde;

import io.eventshop.contracts.ContractClasses;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serialiser, deserialiser and Kafka Streams {@link Serde} of one generated Avro class, in the
 * Confluent wire format: magic byte {@code 0}, the 4-byte big-endian global schema id, then the
 * Avro binary encoding. Any tool that speaks Confluent's registry API reads what it writes.
 *
 * <p>The subject is {@code <topic>-value} (or {@code -key}), Confluent's TopicNameStrategy. The
 * writer schema comes from the registry by id; the reader schema is always the generated class's,
 * so a record written with an older compatible schema decodes into today's class. Null is a
 * tombstone both ways.
 *
 * <p>Writing: with {@code autoRegister} the class's schema is registered on the first record of a
 * topic; otherwise with {@code useLatestVersion} the subject's latest schema is the writer schema
 * (the record is converted to it by Avro's schema resolution if it differs from the class's);
 * otherwise the class's schema must already be registered. Ids are resolved once per topic, then
 * cached: no HTTP call on the hot path.
 *
 * <p>A payload that cannot be decoded (wrong magic byte, unknown schema id, truncated bytes,
 * incompatible schema) throws Kafka's {@link SerializationException} naming the topic and the
 * cause, which a dead-letter handler records.
 *
 * <p>Thread-safe once configured.
 *
 * @param <T> the generated class
 */
public final class AvroSerde<T extends SpecificRecord>
    implements Serde<T>, Serializer<T>, Deserializer<T> {


  private final Class<T> type;
  private final Schema classSchema;
  private final DatumWriter<T> classWriter;
  private final Map<String, TopicWriter> writersByTopic = new ConcurrentHashMap<>();
  private final Map<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();
  private volatile SchemaRegistryClient registry;
  private volatile SerdeConfig config;
  private volatile String subjectSuffix = "-value";

  /** How one topic's records are written: under which id, converted to which schema if needed. */
  private record TopicWriter(int id, DatumReader<Object> toRegistered,
                             DatumWriter<Object> registeredWriter) {
  }

  /**
   * An unconfigured serde of {@code type}: {@link #configure(Map, boolean)} must be called with at
   * least {@code schema.registry.url} before use (the way Kafka clients configure serdes by
   * class).
   */
  public AvroSerde(Class<T> type) {
    ContractClasses.trustForAvro();
    this.type = Objects.requireNonNull(type, "type");
    this.classSchema = SpecificData.get().getSchema(type);
    this.classWriter = new SpecificDatumWriter<>(classSchema);
  }

  /** A value serde of {@code type} talking to the registry at {@code config.registryUrl()}. */
  public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type,
                                                                  SerdeConfig config) {
    return forValues(type, config, new CachedSchemaRegistryClient(config.registryUrl()));
  }

  /** A value serde of {@code type} using {@code registry} (shared caches, or a test registry). */
  public static <T extends SpecificRecord> AvroSerde<T> forValues(Class<T> type,
                                                                  SerdeConfig config,
                                                                  SchemaRegistryClient registry) {
    AvroSerde<T> serde = new AvroSerde<>(type);
    serde.use(config, registry, false);
    return serde;
  }

  /**
   * Reads {@code schema.registry.url}, {@code auto.register.schemas} and
   * {@code use.latest.version}.
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    SerdeConfig read = SerdeConfig.from(configs);
    use(read, new CachedSchemaRegistryClient(read.registryUrl()), isKey);
  }

  private void use(SerdeConfig config, SchemaRegistryClient registry, boolean isKey) {
    this.config = Objects.requireNonNull(config, "config");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.subjectSuffix = isKey ? "-key" : "-value";
    writersByTopic.clear();
    readersById.clear();
  }

  /** The generated class this serde reads and writes. */
  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    TopicWriter writer = writersByTopic.computeIfAbsent(topic, this::writerFor);
    ByteArrayOutputStream out = WireFormat.startWith(writer.id());
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      if (writer.registeredWriter() == null) {
        classWriter.write(record, encoder);
      } else {
        writer.registeredWriter().write(convertToRegistered(record, writer), encoder);
      }
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic
          + " with schema id " + writer.id() + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = WireFormat.schemaId(type.getSimpleName(), topic, data);
    DatumReader<T> reader = readersById.computeIfAbsent(id, key -> readerFor(topic, key));
    try {
      return reader.read(null, DecoderFactory.get()
          .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE,
              null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic
          + " with schema id " + id + " (" + (data.length - WireFormat.HEADER_SIZE)
          + " bytes of Avro, truncated or not of that schema): " + e, e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void close() {
    // Nothing to release: the registry client holds no connection of its own.
  }

  private TopicWriter writerFor(String topic) {
    SerdeConfig current = requireConfigured();
    String subject = topic + subjectSuffix;
    try {
      if (current.autoRegister()) {
        return new TopicWriter(registry.register(subject, classSchema), null, null);
      }
      if (!current.useLatestVersion()) {
        return new TopicWriter(registry.lookup(subject, classSchema), null, null);
      }
      RegisteredSchema latest = registry.latest(subject);
      if (sameEncoding(latest.schema(), classSchema)) {
        return new TopicWriter(latest.id(), null, null);
      }
      var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(),
          classSchema);
      if (compatibility.getType()
          != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic
            + ": the latest schema of " + subject + " (id " + latest.id()
            + ") cannot read records of this class: " + compatibility.getDescription());
      }
      return new TopicWriter(latest.id(),
          new GenericDatumReader<>(classSchema, latest.schema()),
          new GenericDatumWriter<>(latest.schema()));
    } catch (SchemaRegistryException e) {
      throw new SerializationException("cannot write " + type.getSimpleName() + " to " + topic
          + ": no schema id for subject " + subject + ": " + e.getMessage(), e);
    }
  }

  private Object convertToRegistered(T record, TopicWriter writer) throws IOException {
    ByteArrayOutputStream classBytes = new ByteArrayOutputStream(128);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(classBytes, null);
    classWriter.write(record, encoder);
    return writer.toRegistered().read(null,
        DecoderFactory.get().binaryDecoder(classBytes.toByteArray(), null));
  }

  private DatumReader<T> readerFor(String topic, int id) {
    requireConfigured();
    Schema writerSchema;
    try {
      writerSchema = registry.getById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic
          + ": unknown schema id " + id + ": " + e.getMessage(), e);
    }
    return new SpecificDatumReader<>(writerSchema, classSchema);
  }

  private SerdeConfig requireConfigured() {
    SerdeConfig current = config;
    if (current == null) {
      throw new IllegalStateException("AvroSerde<" + type.getSimpleName()
          + "> is not configured: call configure() with " + SerdeConfig.REGISTRY_URL
          + " or use AvroSerde.forValues");
    }
    return current;
  }

  private static boolean sameEncoding(Schema a, Schema b) {
    return SchemaNormalization.toParsingForm(a).equals(SchemaNormalization.toParsingForm(b));
  }
}
