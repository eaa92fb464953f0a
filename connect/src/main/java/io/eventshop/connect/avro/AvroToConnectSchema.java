package io.eventshop.connect.avro;

import static io.eventshop.connect.avro.MappingConventions.CONNECT_DOC;
import static io.eventshop.connect.avro.MappingConventions.CONNECT_FIELD_NAME;
import static io.eventshop.connect.avro.MappingConventions.CONNECT_NAME;
import static io.eventshop.connect.avro.MappingConventions.CONNECT_OPTIONAL;
import static io.eventshop.connect.avro.MappingConventions.CONNECT_PARAMETERS;
import static io.eventshop.connect.avro.MappingConventions.CONNECT_TYPE;
import static io.eventshop.connect.avro.MappingConventions.CONNECT_VERSION;
import static io.eventshop.connect.avro.MappingConventions.DECIMAL_PRECISION;
import static io.eventshop.connect.avro.MappingConventions.GENERATED_NAMESPACE;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The Connect schema of an Avro writer schema: the exact inverse of {@link ConnectToAvroSchema}
 * for schemas it wrote (the {@code connect.*} properties restore names, versions, parameters and
 * INT8/INT16), and a faithful reading of other Avro schemas: records → structs named by their
 * full name, enums → strings, fixed → bytes, {@code [null, T]} → optional T, the logical types
 * decimal, date, time-millis and timestamp-millis → Connect's Decimal, Date, Time and Timestamp.
 * A union of several types, as an event's payload of one of its kinds, becomes a struct with one
 * optional field per type ({@link MappingConventions#UNION}; Confluent's AvroConverter reads such
 * unions alike). Other logical types read as their underlying type; recursive records have no
 * Connect schema and throw {@link DataException}.
 */
final class AvroToConnectSchema {

  /** Records being mapped, outermost first: one met again is a recursion Connect cannot hold. */
  private final Deque<String> enclosingRecords = new ArrayDeque<>();

  private AvroToConnectSchema() {
  }

  static Schema toConnect(org.apache.avro.Schema avro) {
    SchemaBuilder builder = new AvroToConnectSchema().builder(avro);
    if (Boolean.TRUE.equals(avro.getObjectProp(CONNECT_OPTIONAL))) {
      builder.optional();
    }
    return builder.build();
  }

  private SchemaBuilder builder(org.apache.avro.Schema avro) {
    SchemaBuilder builder = switch (avro.getType()) {
      case UNION -> union(avro);
      case INT -> switch (String.valueOf(avro.getProp(CONNECT_TYPE))) {
        case "int8" -> SchemaBuilder.int8();
        case "int16" -> SchemaBuilder.int16();
        default -> SchemaBuilder.int32();
      };
      case LONG -> SchemaBuilder.int64();
      case FLOAT -> SchemaBuilder.float32();
      case DOUBLE -> SchemaBuilder.float64();
      case BOOLEAN -> SchemaBuilder.bool();
      case STRING, ENUM -> SchemaBuilder.string();
      case BYTES, FIXED -> SchemaBuilder.bytes();
      case ARRAY -> Schema.Type.MAP.getName().equals(avro.getProp(CONNECT_TYPE))
          ? mapOfEntries(avro.getElementType())
          : SchemaBuilder.array(nested(avro.getElementType()));
      case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, nested(avro.getValueType()));
      case RECORD -> struct(avro);
      case NULL -> throw new DataException("cannot map the Avro schema " + avro
          + " to Connect: Connect has no schema for null alone");
    };
    if (avro.getType() != org.apache.avro.Schema.Type.UNION) { // a union's branch is described
      describe(builder, avro);
    }
    return builder;
  }

  private Schema nested(org.apache.avro.Schema avro) {
    return builder(avro).build();
  }

  /**
   * {@code [null, T]} → optional T; a union of several types (null or not among them) → a
   * {@link MappingConventions#UNION} struct with an optional field per type, optional itself if
   * null is one of them; a record without fields (a kind that says all by being there, as
   * {@code OrderValidated}) is a boolean there, true when it is the kind: an empty struct is no
   * column a table can hold.
   */
  private SchemaBuilder union(org.apache.avro.Schema avro) {
    List<org.apache.avro.Schema> branches = MappingConventions.branches(avro);
    if (branches.size() == 1) {
      return builder(branches.get(0)).optional();
    }
    SchemaBuilder struct = SchemaBuilder.struct().name(MappingConventions.UNION);
    Set<String> names = new HashSet<>();
    for (org.apache.avro.Schema branch : branches) {
      String name = MappingConventions.branchName(branch);
      if (!names.add(name)) {
        throw new DataException("cannot map the Avro union " + avro + " to Connect: two of its"
            + " types are named " + name);
      }
      struct.field(name, MappingConventions.isMarker(branch)
          ? Schema.OPTIONAL_BOOLEAN_SCHEMA : builder(branch).optional().build());
    }
    return branches.size() < avro.getTypes().size() ? struct.optional() : struct;
  }

  private SchemaBuilder mapOfEntries(org.apache.avro.Schema entry) {
    return SchemaBuilder.map(field(entry.getField(MappingConventions.MAP_KEY)),
        field(entry.getField(MappingConventions.MAP_VALUE)));
  }

  private SchemaBuilder struct(org.apache.avro.Schema avro) {
    if (enclosingRecords.contains(avro.getFullName())) {
      throw new DataException("cannot map the Avro record " + avro.getFullName()
          + " to Connect: it contains itself, and Connect schemas cannot be recursive");
    }
    enclosingRecords.push(avro.getFullName());
    SchemaBuilder struct = SchemaBuilder.struct();
    for (org.apache.avro.Schema.Field field : avro.getFields()) {
      String connectName = field.getProp(CONNECT_FIELD_NAME);
      struct.field(connectName == null ? field.name() : connectName, field(field));
    }
    enclosingRecords.pop();
    return struct;
  }

  private Schema field(org.apache.avro.Schema.Field field) {
    SchemaBuilder builder = builder(field.schema());
    // Connect cannot hold a struct default (SchemaBuilder rejects any Struct as not of its own
    // schema), so a record's default stays on the Avro side.
    if (field.hasDefaultValue() && builder.type() != Schema.Type.STRUCT) {
      Object avroDefault = MappingConventions.RAW_DATA.getDefaultValue(field);
      if (avroDefault != null) {
        builder.defaultValue(
            AvroToConnectValue.convert(field.schema(), builder.build(), avroDefault));
      }
    }
    return builder.build();
  }

  /** Name, version, doc and parameters: from connect.* if we wrote them, else from Avro's own. */
  private static void describe(SchemaBuilder builder, org.apache.avro.Schema avro) {
    String logicalName = logicalName(avro);
    Object name = avro.getObjectProp(CONNECT_NAME);
    if (name != null) {
      builder.name(name.toString());
    } else if (logicalName != null) {
      builder.name(logicalName);
    } else if (avro.getType() == org.apache.avro.Schema.Type.RECORD
        && !GENERATED_NAMESPACE.equals(avro.getNamespace())) {
      builder.name(avro.getFullName());
    }
    Object version = avro.getObjectProp(CONNECT_VERSION);
    if (version instanceof Number number) {
      builder.version(number.intValue());
    } else if (logicalName != null) {
      builder.version(1);
    }
    Object doc = avro.getObjectProp(CONNECT_DOC);
    if (doc != null) {
      builder.doc(doc.toString());
    } else if (isNamed(avro) && avro.getDoc() != null) {
      builder.doc(avro.getDoc());
    }
    if (avro.getObjectProp(CONNECT_PARAMETERS) instanceof Map<?, ?> parameters) {
      Map<String, String> strings = new LinkedHashMap<>();
      parameters.forEach((key, value) -> strings.put(key.toString(), value.toString()));
      builder.parameters(strings);
    } else if (avro.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
      builder.parameter(Decimal.SCALE_FIELD, Integer.toString(decimal.getScale()));
      builder.parameter(DECIMAL_PRECISION, Integer.toString(decimal.getPrecision()));
    }
  }

  /** The Connect logical type of Avro's logical type, if Connect has one. */
  private static String logicalName(org.apache.avro.Schema avro) {
    LogicalType logical = avro.getLogicalType();
    if (logical == null) {
      return null;
    }
    return switch (logical.getName()) {
      case "decimal" -> Decimal.LOGICAL_NAME;
      case "date" -> Date.LOGICAL_NAME;
      case "time-millis" -> Time.LOGICAL_NAME;
      case "timestamp-millis" -> Timestamp.LOGICAL_NAME;
      default -> null;
    };
  }

  private static boolean isNamed(org.apache.avro.Schema avro) {
    return switch (avro.getType()) {
      case RECORD, ENUM, FIXED -> true;
      default -> false;
    };
  }
}
