package io.eventshop.gateway.events;

import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes values in the Confluent wire format (magic byte 0, 4-byte schema id, Avro binary) with
 * the writer's schema from the registry, into plain maps, lists and scalars ready for JSON. Generic
 * on purpose: the event log shows any topic, whatever its schema, without generated classes.
 * Decimals become numbers, {@code timestamp-millis} ISO instants, and a union branch that is a
 * record is shown as {@code {"OrderPlaced": {...}}} so the reader sees which event it is.
 */
public class AvroValueDecoder {

  private static final byte MAGIC = 0;
  private static final int HEADER = 5;

  private final SchemaRegistryClient registry;

  public AvroValueDecoder(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /** The value as a JSON-ready tree; throws {@link IllegalArgumentException} when undecodable. */
  public Object decode(byte[] value) {
    if (value.length < HEADER || value[0] != MAGIC) {
      throw new IllegalArgumentException("not in the registry's wire format");
    }
    int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
    Schema schema;
    try {
      schema = registry.getById(schemaId);
    } catch (SchemaRegistryException e) {
      throw new IllegalArgumentException("writer schema " + schemaId + " unavailable: "
          + e.getMessage(), e);
    }
    try {
      Object datum = new GenericDatumReader<>(schema).read(null,
          DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, null));
      return plain(datum, schema);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("undecodable with schema " + schemaId + ": " + e, e);
    }
  }

  static Object plain(Object datum, Schema schema) {
    if (datum == null) {
      return null;
    }
    return switch (schema.getType()) {
      case RECORD -> {
        GenericRecord record = (GenericRecord) datum;
        Map<String, Object> fields = new LinkedHashMap<>();
        schema.getFields().forEach(f -> fields.put(f.name(), plain(record.get(f.pos()), f.schema())));
        yield fields;
      }
      case UNION -> {
        Schema branch = schema.getTypes().get(GenericData.get().resolveUnion(schema, datum));
        Object value = plain(datum, branch);
        yield branch.getType() == Schema.Type.RECORD ? Map.of(branch.getName(), value) : value;
      }
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        ((Iterable<?>) datum).forEach(item -> items.add(plain(item, schema.getElementType())));
        yield items;
      }
      case MAP -> {
        Map<String, Object> entries = new LinkedHashMap<>();
        ((Map<?, ?>) datum).forEach((k, v) -> entries.put(k.toString(),
            plain(v, schema.getValueType())));
        yield entries;
      }
      case BYTES -> bytes((ByteBuffer) datum, schema);
      case FIXED -> HexFormat.of().formatHex(((GenericFixed) datum).bytes());
      case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
          ? Instant.ofEpochMilli((Long) datum).toString() : datum;
      case ENUM, STRING -> datum.toString();
      default -> datum;
    };
  }

  private static Object bytes(ByteBuffer buffer, Schema schema) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
      return new BigDecimal(new BigInteger(bytes), decimal.getScale());
    }
    return Base64.getEncoder().encodeToString(bytes);
  }
}
