package io.eventshop.sql.format;

import io.eventshop.sql.ksql.KsqlStatement.Column;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The columns of a stream over Avro values, from the value schema, as KSQL takes them from the
 * registry. Beyond flink-avro's conversion: a union of several records (an event family, such as
 * the {@code payload} of {@code orders}) becomes a ROW with one nullable field per branch, named
 * after the branch's record; a record without fields becomes a BOOLEAN, true when it is the
 * branch taken. {@link AvroRows} reads values the same way.
 */
public final class AvroColumns {

  private AvroColumns() {
  }

  /** One column per field of the record schema {@code value}. */
  public static List<Column> of(Schema value) {
    List<Column> columns = new ArrayList<>();
    for (Schema.Field field : value.getFields()) {
      String type = typeOf(field.schema());
      if (type != null) {
        columns.add(new Column(field.name(), type, false));
      }
    }
    return columns;
  }

  /** Flink SQL's type for {@code schema}; null for a type with no value (null). */
  static String typeOf(Schema schema) {
    LogicalType logical = schema.getLogicalType();
    switch (schema.getType()) {
      case NULL:
        return null;
      case BOOLEAN:
        return "BOOLEAN";
      case INT:
        return logical instanceof LogicalTypes.Date ? "DATE" : "INT";
      case LONG:
        if (logical instanceof LogicalTypes.TimestampMillis) {
          return "TIMESTAMP(3)";
        }
        if (logical instanceof LogicalTypes.TimestampMicros) {
          return "TIMESTAMP(6)";
        }
        return "BIGINT";
      case FLOAT:
        return "FLOAT";
      case DOUBLE:
        return "DOUBLE";
      case STRING:
      case ENUM:
        return "STRING";
      case BYTES:
      case FIXED:
        if (logical instanceof LogicalTypes.Decimal decimal) {
          return "DECIMAL(" + decimal.getPrecision() + ", " + decimal.getScale() + ")";
        }
        return "BYTES";
      case ARRAY:
        return "ARRAY<" + typeOf(schema.getElementType()) + ">";
      case MAP:
        return "MAP<STRING, " + typeOf(schema.getValueType()) + ">";
      case RECORD: {
        if (schema.getFields().isEmpty()) {
          return "BOOLEAN";
        }
        List<String> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
          String type = typeOf(field.schema());
          if (type != null) {
            fields.add(quote(field.name()) + " " + type);
          }
        }
        return "ROW<" + String.join(", ", fields) + ">";
      }
      case UNION: {
        List<Schema> branches = schema.getTypes().stream()
            .filter(branch -> branch.getType() != Schema.Type.NULL).toList();
        if (branches.size() == 1) {
          return typeOf(branches.get(0));
        }
        List<String> fields = new ArrayList<>();
        for (Schema branch : branches) {
          fields.add(quote(branch.getName()) + " " + typeOf(branch));
        }
        return "ROW<" + String.join(", ", fields) + ">";
      }
      default:
        throw new IllegalArgumentException("no column type for Avro " + schema.getType());
    }
  }

  private static String quote(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
