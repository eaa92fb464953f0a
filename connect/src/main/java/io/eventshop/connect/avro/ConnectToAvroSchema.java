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

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Avro schema of a Connect schema, as registered and written by {@link RegistryAvroConverter}.
 * Cached per Connect schema, so a connector that sends the same schema with every record maps
 * it once.
 *
 * <p>Optional becomes {@code [null, T]} with default null ({@code [T, null]} when the field has
 * a non-null default, since an Avro union's default is of its first branch), except at the top
 * level, which is never null on the wire. What Avro cannot express (Connect names on other types
 * than records, versions, parameters, INT8/INT16) rides in {@code connect.*} properties; see
 * {@link MappingConventions}.
 */
final class ConnectToAvroSchema {

  /** Precision of a Decimal without {@code connect.decimal.precision}, as Confluent's. */
  static final int DEFAULT_DECIMAL_PRECISION = 64;

  private final BoundedCache<Schema, org.apache.avro.Schema> cache;

  ConnectToAvroSchema(int cacheSize) {
    this.cache = new BoundedCache<>(cacheSize);
  }

  /** The Avro schema of records of {@code connect}. */
  org.apache.avro.Schema toAvro(Schema connect) {
    return cache.get(connect, schema -> new Conversion().topLevel(schema));
  }

  /**
   * One schema's conversion: Avro allows a record name once per schema, so it remembers the
   * records defined so far. The same struct met twice (Debezium's {@code before} and
   * {@code after}) is the same record; different structs of one name get numbered names.
   */
  private static final class Conversion {

    private final Map<String, org.apache.avro.Schema> recordsByFullName = new HashMap<>();

    org.apache.avro.Schema topLevel(Schema connect) {
      org.apache.avro.Schema avro = nonNull(connect);
      if (connect.isOptional()) {
        avro.addProp(CONNECT_OPTIONAL, true);
      }
      return avro;
    }

    private org.apache.avro.Schema nested(Schema connect) {
      org.apache.avro.Schema avro = nonNull(connect);
      if (!connect.isOptional()) {
        return avro;
      }
      org.apache.avro.Schema nullType = org.apache.avro.Schema.create(
          org.apache.avro.Schema.Type.NULL);
      return connect.defaultValue() == null
          ? org.apache.avro.Schema.createUnion(nullType, avro)
          : org.apache.avro.Schema.createUnion(avro, nullType);
    }

    private org.apache.avro.Schema nonNull(Schema connect) {
      org.apache.avro.Schema avro = switch (connect.type()) {
        case INT8, INT16 -> primitive(org.apache.avro.Schema.Type.INT);
        case INT32 -> int32(connect);
        case INT64 -> int64(connect);
        case FLOAT32 -> primitive(org.apache.avro.Schema.Type.FLOAT);
        case FLOAT64 -> primitive(org.apache.avro.Schema.Type.DOUBLE);
        case BOOLEAN -> primitive(org.apache.avro.Schema.Type.BOOLEAN);
        case STRING -> primitive(org.apache.avro.Schema.Type.STRING);
        case BYTES -> Decimal.LOGICAL_NAME.equals(connect.name())
            ? decimal(connect) : primitive(org.apache.avro.Schema.Type.BYTES);
        case ARRAY -> org.apache.avro.Schema.createArray(nested(connect.valueSchema()));
        case MAP -> map(connect);
        case STRUCT -> struct(connect);
      };
      // A record gets its properties in record(): they are part of telling whether it is a
      // struct defined before, whose record it then shares.
      if (connect.type() != Schema.Type.STRUCT) {
        metadata(connect).forEach(avro::addProp);
      }
      return avro;
    }

    private static org.apache.avro.Schema int32(Schema connect) {
      org.apache.avro.Schema avro = primitive(org.apache.avro.Schema.Type.INT);
      if (Date.LOGICAL_NAME.equals(connect.name())) {
        return LogicalTypes.date().addToSchema(avro);
      }
      if (Time.LOGICAL_NAME.equals(connect.name())) {
        return LogicalTypes.timeMillis().addToSchema(avro);
      }
      return avro;
    }

    private static org.apache.avro.Schema int64(Schema connect) {
      org.apache.avro.Schema avro = primitive(org.apache.avro.Schema.Type.LONG);
      return Timestamp.LOGICAL_NAME.equals(connect.name())
          ? LogicalTypes.timestampMillis().addToSchema(avro) : avro;
    }

    private static org.apache.avro.Schema decimal(Schema connect) {
      Map<String, String> parameters = connect.parameters();
      int scale = Integer.parseInt(parameters.get(Decimal.SCALE_FIELD));
      String precision = parameters.get(DECIMAL_PRECISION);
      int digits = precision == null ? DEFAULT_DECIMAL_PRECISION : Integer.parseInt(precision);
      org.apache.avro.Schema bytes = primitive(org.apache.avro.Schema.Type.BYTES);
      // Avro's decimal forbids a negative scale or one above the precision, which Connect allows;
      // such a decimal stays plain bytes, and its connect.* properties still restore the Decimal.
      return scale >= 0 && scale <= digits
          ? LogicalTypes.decimal(digits, scale).addToSchema(bytes) : bytes;
    }

    private org.apache.avro.Schema map(Schema connect) {
      Schema keys = connect.keySchema();
      if (keys.type() == Schema.Type.STRING && !keys.isOptional() && keys.name() == null) {
        return org.apache.avro.Schema.createMap(nested(connect.valueSchema()));
      }
      // Avro map keys are plain strings: other keys make an array of key/value records
      org.apache.avro.Schema entry = record(
          GENERATED_NAMESPACE + "." + MappingConventions.MAP_ENTRY, null,
          List.of(field(MappingConventions.MAP_KEY, keys),
              field(MappingConventions.MAP_VALUE, connect.valueSchema())),
          Map.of());
      org.apache.avro.Schema entries = org.apache.avro.Schema.createArray(entry);
      entries.addProp(CONNECT_TYPE, Schema.Type.MAP.getName());
      return entries;
    }

    private org.apache.avro.Schema struct(Schema connect) {
      List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
      for (Field field : connect.fields()) {
        fields.add(field(field.name(), field.schema()));
      }
      String fullName = connect.name() == null
          ? GENERATED_NAMESPACE + "." + MappingConventions.UNNAMED_STRUCT
          : AvroNames.fullName(connect.name());
      return record(fullName, connect.doc(), fields, metadata(connect));
    }

    private org.apache.avro.Schema record(String fullName, String doc,
                                          List<org.apache.avro.Schema.Field> fields,
                                          Map<String, Object> properties) {
      int dot = fullName.lastIndexOf('.');
      String namespace = dot < 0 ? null : fullName.substring(0, dot);
      String name = fullName.substring(dot + 1);
      for (int number = 1; ; number++) {
        String candidate = number == 1 ? fullName : fullName + number;
        org.apache.avro.Schema defined = recordsByFullName.get(candidate);
        if (defined == null) {
          org.apache.avro.Schema record = org.apache.avro.Schema.createRecord(
              number == 1 ? name : name + number, doc, namespace, false, fields);
          properties.forEach(record::addProp);
          recordsByFullName.put(candidate, record);
          return record;
        }
        if (defined.getFields().equals(fields) && defined.getObjectProps().equals(properties)) {
          return defined;
        }
      }
    }

    private org.apache.avro.Schema.Field field(String connectName, Schema connect) {
      String name = AvroNames.name(connectName);
      org.apache.avro.Schema avro = nested(connect);
      org.apache.avro.Schema.Field field = new org.apache.avro.Schema.Field(name, avro,
          connect.doc(), defaultOf(connect, avro));
      if (!name.equals(connectName)) {
        field.addProp(CONNECT_FIELD_NAME, connectName);
      }
      return field;
    }
  }

  private static org.apache.avro.Schema primitive(org.apache.avro.Schema.Type type) {
    return org.apache.avro.Schema.create(type);
  }

  /** The connect.* properties of {@code connect}: what restores it exactly when read back. */
  private static Map<String, Object> metadata(Schema connect) {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (connect.name() != null) {
      properties.put(CONNECT_NAME, connect.name());
    }
    if (connect.version() != null) {
      properties.put(CONNECT_VERSION, connect.version());
    }
    if (connect.doc() != null) {
      properties.put(CONNECT_DOC, connect.doc());
    }
    if (connect.parameters() != null && !connect.parameters().isEmpty()) {
      properties.put(CONNECT_PARAMETERS, connect.parameters());
    }
    if (connect.type() == Schema.Type.INT8 || connect.type() == Schema.Type.INT16) {
      properties.put(CONNECT_TYPE, connect.type().getName());
    }
    return properties;
  }

  /**
   * The Avro default of a field of schema {@code connect}, in the JSON-like form Avro's field
   * constructor takes; {@code null} (no default) for a required field without one.
   */
  private static Object defaultOf(Schema connect, org.apache.avro.Schema avro) {
    if (connect.defaultValue() != null) {
      return asJson(ConnectToAvroValue.convert(connect, avro, connect.defaultValue()));
    }
    return connect.isOptional() ? JsonProperties.NULL_VALUE : null;
  }

  private static Object asJson(Object datum) {
    if (datum == null) {
      return JsonProperties.NULL_VALUE;
    }
    if (datum instanceof GenericRecord record) {
      Map<String, Object> fields = new LinkedHashMap<>();
      record.getSchema().getFields()
          .forEach(field -> fields.put(field.name(), asJson(record.get(field.pos()))));
      return fields;
    }
    if (datum instanceof ByteBuffer bytes) {
      return AvroToConnectValue.bytesOf(bytes);
    }
    if (datum instanceof Map<?, ?> map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      map.forEach((key, value) -> entries.put(key.toString(), asJson(value)));
      return entries;
    }
    if (datum instanceof List<?> list) {
      return list.stream().map(ConnectToAvroSchema::asJson).toList();
    }
    return datum;
  }
}
