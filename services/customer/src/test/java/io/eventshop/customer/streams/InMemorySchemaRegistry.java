package io.eventshop.customer.streams;

import io.eventshop.contracts.serde.RegisteredSchema;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry in memory for topology tests, which run without a broker and without HTTP. */
final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private final List<Schema> byId = new ArrayList<>();
  private final Map<String, List<Integer>> idsBySubject = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    int existing = byId.indexOf(schema);
    int id = existing >= 0 ? existing + 1 : add(schema);
    List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    int id = byId.indexOf(schema) + 1;
    if (id == 0 || !idsBySubject.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException(404, 40403, "not registered under " + subject);
    }
    return id;
  }

  @Override
  public synchronized Schema getById(int id) {
    if (id < 1 || id > byId.size()) {
      throw new SchemaRegistryException(404, 40403, "no schema " + id);
    }
    return byId.get(id - 1);
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Integer> versions = idsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(404, 40401, "no subject " + subject);
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, byId.get(id - 1));
  }

  private int add(Schema schema) {
    byId.add(schema);
    return byId.size();
  }
}
