package io.eventshop.product;

import io.eventshop.contracts.serde.RegisteredSchema;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A schema registry in memory, for tests until the registry service can run in-process: ids per
 * distinct schema, versions per subject. The serdes using it still write the real Confluent wire
 * format (magic byte, 4-byte id, Avro binary).
 */
public final class TestSchemaRegistry implements SchemaRegistryClient {

  private final Map<String, Integer> ids = new HashMap<>();
  private final Map<Integer, Schema> schemas = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int id = ids.computeIfAbsent(SchemaNormalization.toParsingForm(schema), form -> {
      int next = schemas.size() + 1;
      schemas.put(next, schema);
      return next;
    });
    List<Integer> versions = subjects.computeIfAbsent(subject, key -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    Integer id = ids.get(SchemaNormalization.toParsingForm(schema));
    if (id == null || !subjects.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException(404, 40403, "schema not found under " + subject);
    }
    return id;
  }

  @Override
  public synchronized Schema getById(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, 40403, "schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw new SchemaRegistryException(404, 40401, "subject " + subject + " not found");
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, schemas.get(id));
  }
}
