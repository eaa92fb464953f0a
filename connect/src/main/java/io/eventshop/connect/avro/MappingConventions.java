package io.eventshop.connect.avro;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.errors.DataException;

/**
 * What the mappings between Connect and Avro agree on: the Avro properties that carry what Avro
 * has no place for (a Connect schema's name, version, doc, parameters and exact integer type), so
 * that a schema read back from the registry is the Connect schema that was written.
 *
 * <p>The names of {@code connect.name}, {@code connect.version}, {@code connect.doc},
 * {@code connect.parameters}, {@code connect.type} and {@code connect.decimal.precision} are
 * those of Confluent's AvroConverter, so that each reads the other's schemas with their Connect
 * names and parameters; {@code connect.optional} and {@code connect.field.name} are ours.
 */
final class MappingConventions {

  static final String CONNECT_NAME = "connect.name";
  static final String CONNECT_VERSION = "connect.version";
  static final String CONNECT_DOC = "connect.doc";
  static final String CONNECT_PARAMETERS = "connect.parameters";
  /** INT8 and INT16 (both Avro int), and MAP with non-string keys (an Avro array). */
  static final String CONNECT_TYPE = "connect.type";
  /**
   * On a top-level schema whose Connect schema is optional: the top level is never a union,
   * because a null value is a tombstone (no bytes at all), and consumers expect a record there.
   */
  static final String CONNECT_OPTIONAL = "connect.optional";
  /** On a field whose Connect name is not a legal Avro name, that Connect name. */
  static final String CONNECT_FIELD_NAME = "connect.field.name";
  /** Connect's parameter, also set by Debezium, for the precision of a Decimal. */
  static final String DECIMAL_PRECISION = "connect.decimal.precision";

  /** Namespace of the records that stand for unnamed Connect structs and for map entries. */
  static final String GENERATED_NAMESPACE = "io.eventshop.connect.avro";
  static final String UNNAMED_STRUCT = "ConnectDefault";
  static final String MAP_ENTRY = "MapEntry";
  static final String MAP_KEY = "key";
  static final String MAP_VALUE = "value";
  /**
   * Name of the Connect struct that stands for an Avro union of several types (an event's
   * payload: one of its kinds): one optional field per branch, named by {@link #branchName}, the
   * one the datum holds set.
   */
  static final String UNION = GENERATED_NAMESPACE + ".Union";

  /**
   * Avro's generic data model without logical-type conversions, whatever else in the JVM
   * registers on {@link GenericData#get()}: the value mappings expect days as int, millis as
   * long and decimals as bytes, and convert them themselves with Connect's logical types.
   */
  static final GenericData RAW_DATA = new GenericData();

  private MappingConventions() {
  }

  /**
   * {@code T} of a union {@code [null, T]} (in either order), or {@code schema} itself if it is
   * not a union. A Connect schema's optional is a union of null and one type; Connect has no
   * other unions, so this mapping writes no other.
   */
  static Schema withoutNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    List<Schema> branches = branches(schema);
    if (branches.size() != 1) {
      throw new DataException("cannot map the Connect value of the Avro union " + schema
          + ": Connect writes only unions of null and one other type");
    }
    return branches.get(0);
  }

  /** The types of a union other than null. */
  static List<Schema> branches(Schema union) {
    return union.getTypes().stream()
        .filter(branch -> branch.getType() != Schema.Type.NULL).toList();
  }

  /** A union's branch that is a record without fields: its {@link #UNION} field is a boolean. */
  static boolean isMarker(Schema branch) {
    return branch.getType() == Schema.Type.RECORD && branch.getFields().isEmpty();
  }

  /**
   * The field of a {@link #UNION} struct that holds a branch: a named type's simple name
   * ({@code OrderPlaced}), else the type's name ({@code string}); a column name in a table.
   */
  static String branchName(Schema branch) {
    return switch (branch.getType()) {
      case RECORD, ENUM, FIXED -> branch.getName();
      default -> branch.getType().getName();
    };
  }
}
