package io.eventshop.gateway.events;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

  private final URI registry;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final JsonMapper json;
  private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

  public AvroValueDecoder(URI registry, JsonMapper json) {
    this.registry = registry;
    this.json = json;
  }

  /** The value as a JSON-ready tree; throws {@link IllegalArgumentException} when undecodable. */
  public Object decode(byte[] value) {
    if (value.length < HEADER || value[0] != MAGIC) {
      throw new IllegalArgumentException("not in the registry's wire format");
    }
    int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
    Schema schema = schemas.computeIfAbsent(schemaId, this::fetch);
    try {
      Object datum = new GenericDatumReader<>(schema).read(null,
          DecoderFactory.get().binaryDecoder(value, HEADER, value.length - HEADER, null));
      return plain(datum, schema);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("undecodable with schema " + schemaId + ": " + e, e);
    }
  }

  private Schema fetch(int schemaId) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(registry.resolve("/schemas/ids/" + schemaId))
              .timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException(
            "schema " + schemaId + " not found in the registry (" + response.statusCode() + ")");
      }
      JsonNode body = json.readTree(response.body());
      return new Schema.Parser().parse(body.get("schema").asString());
    } catch (IOException e) {
      throw new IllegalArgumentException("registry unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("interrupted while fetching schema " + schemaId, e);
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
