package io.eventshop.sql.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.GenericArrayData;
import org.apache.flink.table.data.GenericMapData;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.ArrayType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.MapType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Avro values (as a {@code GenericDatumReader} gives them, in the writer's schema) to Flink's
 * internal data, field by field <em>by name</em>: the writer's schema may have evolved since the
 * columns were taken, and a stream may declare fewer columns than the records carry (flink-avro's
 * own converter goes by position). An enum reads as its symbol, a missing field as null.
 */
final class AvroRows {

  private AvroRows() {
  }

  static GenericRowData row(GenericRecord record, RowType type) {
    List<RowType.RowField> fields = type.getFields();
    GenericRowData row = new GenericRowData(fields.size());
    Schema schema = record.getSchema();
    int branch = type.getFieldNames().indexOf(schema.getName());
    if (branch >= 0 && schema.getField(schema.getName()) == null) {
      // A union of records as a row of its branches: only the branch taken is set.
      row.setField(branch, convert(record, fields.get(branch).getType()));
      return row;
    }
    for (int i = 0; i < fields.size(); i++) {
      RowType.RowField field = fields.get(i);
      Schema.Field avroField = schema.getField(field.getName());
      row.setField(i, avroField == null ? null : convert(record.get(avroField.pos()),
          field.getType()));
    }
    return row;
  }

  static Object convert(Object value, LogicalType type) {
    if (value == null) {
      return null;
    }
    return switch (type.getTypeRoot()) {
      case CHAR, VARCHAR -> StringData.fromString(value.toString());
      case BOOLEAN -> value instanceof GenericRecord ? Boolean.TRUE : value;
      case TINYINT -> ((Number) value).byteValue();
      case SMALLINT -> ((Number) value).shortValue();
      case INTEGER -> value instanceof LocalDate date ? (int) date.toEpochDay()
          : ((Number) value).intValue();
      case DATE -> value instanceof LocalDate date ? (int) date.toEpochDay()
          : ((Number) value).intValue();
      case TIME_WITHOUT_TIME_ZONE -> ((Number) value).intValue();
      case BIGINT -> value instanceof Instant instant ? instant.toEpochMilli()
          : ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case DECIMAL -> decimal(value, (DecimalType) type);
      case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          value instanceof Instant instant ? TimestampData.fromInstant(instant)
              : TimestampData.fromEpochMillis(((Number) value).longValue());
      case BINARY, VARBINARY -> bytes(value);
      case ARRAY -> {
        LogicalType element = ((ArrayType) type).getElementType();
        List<?> list = (List<?>) value;
        Object[] converted = new Object[list.size()];
        for (int i = 0; i < converted.length; i++) {
          converted[i] = convert(list.get(i), element);
        }
        yield new GenericArrayData(converted);
      }
      case MAP -> {
        MapType map = (MapType) type;
        Map<Object, Object> converted = new java.util.HashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> converted.put(convert(k, map.getKeyType()),
            convert(v, map.getValueType())));
        yield new GenericMapData(converted);
      }
      case ROW -> row((GenericRecord) value, (RowType) type);
      default -> throw new IllegalArgumentException("the Avro format cannot read a " + type
          + " column");
    };
  }

  private static DecimalData decimal(Object value, DecimalType type) {
    BigDecimal decimal;
    if (value instanceof BigDecimal big) {
      decimal = big;
    } else {
      decimal = new BigDecimal(new BigInteger(bytes(value)), type.getScale());
    }
    return DecimalData.fromBigDecimal(decimal, type.getPrecision(), type.getScale());
  }

  private static byte[] bytes(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (value instanceof GenericFixed fixed) {
      return fixed.bytes();
    }
    return (byte[]) value;
  }
}
