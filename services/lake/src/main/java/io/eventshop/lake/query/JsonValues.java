package io.eventshop.lake.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/**
 * DuckDB's JDBC values as JSON values: numbers and booleans as they are, times as ISO-8601 text,
 * lists and structs (the nested records of the events) as arrays and objects.
 */
final class JsonValues {

  private JsonValues() {
  }

  static Object of(Object value) throws SQLException {
    if (value == null || value instanceof Boolean || value instanceof String
        || value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte || value instanceof Double || value instanceof Float
        || value instanceof BigDecimal || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    if (value instanceof TemporalAccessor || value instanceof java.util.Date) {
      return value.toString();
    }
    if (value instanceof Array array) {
      List<Object> list = new ArrayList<>();
      for (Object element : (Object[]) array.getArray()) {
        list.add(of(element));
      }
      return list;
    }
    if (value instanceof DuckDBStruct struct) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Map.Entry<String, Object> field : struct.getMap().entrySet()) {
        fields.put(field.getKey(), of(field.getValue()));
      }
      return fields;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        entries.put(String.valueOf(entry.getKey()), of(entry.getValue()));
      }
      return entries;
    }
    return value.toString();
  }
}
