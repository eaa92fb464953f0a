package io.eventshop.connect.avro;

import static io.eventshop.connect.avro.MappingConventions.withoutNull;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect value as the Avro datum of the schema {@link ConnectToAvroSchema} maps its schema to:
 * {@link Struct} → {@link GenericRecord}, logical types → their Avro encodings (days, millis,
 * unscaled bytes), INT8/INT16 → int, bytes → {@link ByteBuffer}.
 */
final class ConnectToAvroValue {

  private ConnectToAvroValue() {
  }

  /**
   * @throws DataException if {@code value} does not fit {@code connect}, naming the field
   */
  static Object convert(Schema connect, org.apache.avro.Schema avro, Object value) {
    if (value == null) {
      if (!connect.isOptional()) {
        throw new DataException("null for the required " + connect.type() + " schema");
      }
      return null;
    }
    org.apache.avro.Schema target = withoutNull(avro);
    try {
      return switch (connect.type()) {
        case INT8 -> ((Byte) value).intValue();
        case INT16 -> ((Short) value).intValue();
        case INT32 -> int32(connect, value);
        case INT64 -> Timestamp.LOGICAL_NAME.equals(connect.name())
            ? Timestamp.fromLogical(connect, (java.util.Date) value) : (Long) value;
        case FLOAT32 -> (Float) value;
        case FLOAT64 -> (Double) value;
        case BOOLEAN -> (Boolean) value;
        case STRING -> (String) value;
        case BYTES -> Decimal.LOGICAL_NAME.equals(connect.name())
            ? ByteBuffer.wrap(Decimal.fromLogical(connect, (BigDecimal) value)) : bytes(value);
        case ARRAY -> array(connect, target, (List<?>) value);
        case MAP -> target.getType() == org.apache.avro.Schema.Type.MAP
            ? map(connect, target, (Map<?, ?>) value) : entries(connect, target, (Map<?, ?>) value);
        case STRUCT -> record(connect, target, (Struct) value);
      };
    } catch (ClassCastException e) {
      throw new DataException(value.getClass().getName() + " is not a value of the "
          + connect.type() + " schema" + (connect.name() == null ? "" : " " + connect.name()), e);
    }
  }

  private static int int32(Schema connect, Object value) {
    if (Date.LOGICAL_NAME.equals(connect.name())) {
      return Date.fromLogical(connect, (java.util.Date) value);
    }
    if (Time.LOGICAL_NAME.equals(connect.name())) {
      return Time.fromLogical(connect, (java.util.Date) value);
    }
    return (Integer) value;
  }

  private static ByteBuffer bytes(Object value) {
    return value instanceof ByteBuffer buffer ? buffer : ByteBuffer.wrap((byte[]) value);
  }

  private static List<Object> array(Schema connect, org.apache.avro.Schema avro, List<?> values) {
    List<Object> elements = new ArrayList<>(values.size());
    for (Object value : values) {
      elements.add(convert(connect.valueSchema(), avro.getElementType(), value));
    }
    return elements;
  }

  private static Map<String, Object> map(Schema connect, org.apache.avro.Schema avro,
                                         Map<?, ?> values) {
    Map<String, Object> entries = new LinkedHashMap<>();
    values.forEach((key, value) ->
        entries.put((String) key, convert(connect.valueSchema(), avro.getValueType(), value)));
    return entries;
  }

  private static List<Object> entries(Schema connect, org.apache.avro.Schema avro,
                                      Map<?, ?> values) {
    org.apache.avro.Schema entry = avro.getElementType();
    List<Object> entries = new ArrayList<>(values.size());
    values.forEach((key, value) -> {
      GenericRecord record = new GenericData.Record(entry);
      record.put(0, convert(connect.keySchema(), entry.getFields().get(0).schema(), key));
      record.put(1, convert(connect.valueSchema(), entry.getFields().get(1).schema(), value));
      entries.add(record);
    });
    return entries;
  }

  private static GenericRecord record(Schema connect, org.apache.avro.Schema avro, Struct struct) {
    GenericRecord record = new GenericData.Record(avro);
    for (Field field : connect.fields()) {
      // A null in an optional field is a null (a column set to NULL), not "use the default":
      // Struct.get would put the default in its place.
      Object value = field.schema().isOptional()
          ? struct.getWithoutDefault(field.name()) : struct.get(field);
      try {
        record.put(field.index(),
            convert(field.schema(), avro.getFields().get(field.index()).schema(), value));
      } catch (DataException e) {
        throw new DataException("field " + field.name() + ": " + e.getMessage(), e);
      }
    }
    return record;
  }
}
