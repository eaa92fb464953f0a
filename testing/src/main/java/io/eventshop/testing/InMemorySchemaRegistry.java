package io.eventshop.testing;

import io.eventshop.contracts.serde.RegisteredSchema;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A schema registry in memory for tests that run services or topologies without the registry
 * service: ids are global and de-duplicated, the latest registration of a subject wins.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private final List<Schema> schemas = new ArrayList<>();
  private final Map<String, Integer> latestBySubject = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int index = schemas.indexOf(schema);
    if (index < 0) {
      schemas.add(schema);
      index = schemas.size() - 1;
    }
    latestBySubject.put(subject, index + 1);
    return index + 1;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    int index = schemas.indexOf(schema);
    if (index < 0) {
      throw new SchemaRegistryException(404, 40403, "Schema not found");
    }
    return index + 1;
  }

  @Override
  public synchronized Schema getById(int id) {
    return schemas.get(id - 1);
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    Integer id = latestBySubject.get(subject);
    if (id == null) {
      throw new SchemaRegistryException(404, 40401, "Subject not found");
    }
    return new RegisteredSchema(subject, 1, id, getById(id));
  }
}
