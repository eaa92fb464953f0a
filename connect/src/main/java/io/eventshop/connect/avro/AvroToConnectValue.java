package io.eventshop.connect.avro;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * An Avro datum, as Avro's generic reader returns it without logical-type conversions, as the
 * Connect value of the schema {@link AvroToConnectSchema} maps its schema to: records →
 * {@link Struct}, strings and enum symbols → {@link String}, bytes and fixed → {@code byte[]},
 * logical types → {@link java.math.BigDecimal} and {@link java.util.Date}, a union of several
 * types → a struct with its datum's branch set.
 */
final class AvroToConnectValue {

  private AvroToConnectValue() {
  }

  static Object convert(org.apache.avro.Schema avro, Schema connect, Object datum) {
    if (datum == null) {
      return null;
    }
    if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
      org.apache.avro.Schema branch =
          avro.getTypes().get(MappingConventions.RAW_DATA.resolveUnion(avro, datum));
      return MappingConventions.UNION.equals(connect.name())
          ? unionOf(branch, connect, datum) : convert(branch, connect, datum);
    }
    return switch (connect.type()) {
      case INT8 -> ((Integer) datum).byteValue();
      case INT16 -> ((Integer) datum).shortValue();
      case INT32 -> int32(connect, (Integer) datum);
      case INT64 -> Timestamp.LOGICAL_NAME.equals(connect.name())
          ? Timestamp.toLogical(connect, (Long) datum) : datum;
      case FLOAT32, FLOAT64, BOOLEAN -> datum;
      case STRING -> datum.toString();
      case BYTES -> bytes(connect, datum);
      case ARRAY -> array(avro, connect, (Collection<?>) datum);
      case MAP -> avro.getType() == org.apache.avro.Schema.Type.MAP
          ? map(avro, connect, (Map<?, ?>) datum)
          : entries(avro, connect, (Collection<?>) datum);
      case STRUCT -> struct(avro, connect, (IndexedRecord) datum);
    };
  }

  /** The bytes between {@code buffer}'s position and limit, leaving the buffer as it is. */
  static byte[] bytesOf(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static Object int32(Schema connect, Integer datum) {
    if (Date.LOGICAL_NAME.equals(connect.name())) {
      return Date.toLogical(connect, datum);
    }
    if (Time.LOGICAL_NAME.equals(connect.name())) {
      return Time.toLogical(connect, datum);
    }
    return datum;
  }

  private static Object bytes(Schema connect, Object datum) {
    byte[] bytes = datum instanceof GenericFixed fixed
        ? fixed.bytes() : bytesOf((ByteBuffer) datum);
    return Decimal.LOGICAL_NAME.equals(connect.name()) ? Decimal.toLogical(connect, bytes) : bytes;
  }

  private static List<Object> array(org.apache.avro.Schema avro, Schema connect,
                                    Collection<?> datum) {
    List<Object> values = new ArrayList<>(datum.size());
    for (Object element : datum) {
      values.add(convert(avro.getElementType(), connect.valueSchema(), element));
    }
    return values;
  }

  private static Map<Object, Object> map(org.apache.avro.Schema avro, Schema connect,
                                         Map<?, ?> datum) {
    Map<Object, Object> values = new LinkedHashMap<>();
    datum.forEach((key, value) ->
        values.put(key.toString(), convert(avro.getValueType(), connect.valueSchema(), value)));
    return values;
  }

  private static Map<Object, Object> entries(org.apache.avro.Schema avro, Schema connect,
                                             Collection<?> datum) {
    org.apache.avro.Schema entry = avro.getElementType();
    Map<Object, Object> values = new LinkedHashMap<>();
    for (Object element : datum) {
      IndexedRecord record = (IndexedRecord) element;
      values.put(convert(entry.getFields().get(0).schema(), connect.keySchema(), record.get(0)),
          convert(entry.getFields().get(1).schema(), connect.valueSchema(), record.get(1)));
    }
    return values;
  }

  /** A union's struct with the field of the branch the datum holds set, the others null. */
  private static Struct unionOf(org.apache.avro.Schema branch, Schema connect, Object datum) {
    Field field = connect.field(MappingConventions.branchName(branch));
    return new Struct(connect).put(field, MappingConventions.isMarker(branch)
        ? Boolean.TRUE : convert(branch, field.schema(), datum));
  }

  private static Struct struct(org.apache.avro.Schema avro, Schema connect, IndexedRecord datum) {
    Struct struct = new Struct(connect);
    for (Field field : connect.fields()) {
      struct.put(field, convert(avro.getFields().get(field.index()).schema(), field.schema(),
          datum.get(field.index())));
    }
    return struct;
  }
}
