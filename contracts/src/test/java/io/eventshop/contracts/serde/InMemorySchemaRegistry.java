package io.eventshop.contracts.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * A schema registry in memory for unit tests: global ids de-duplicated by canonical form, versions
 * per subject, and a count of the calls that would have gone over HTTP.
 */
final class InMemorySchemaRegistry implements SchemaRegistryClient {

  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public synchronized int register(String subject, Schema schema) {
    calls.incrementAndGet();
    int id = idsByCanonical.computeIfAbsent(SchemaNormalization.toParsingForm(schema), key -> {
      int next = schemasById.size() + 1;
      schemasById.put(next, schema);
      return next;
    });
    List<Integer> versions = versionsBySubject.computeIfAbsent(subject, key -> new ArrayList<>());
    if (!versions.contains(id)) {
      versions.add(id);
    }
    return id;
  }

  @Override
  public synchronized int lookup(String subject, Schema schema) {
    calls.incrementAndGet();
    Integer id = idsByCanonical.get(SchemaNormalization.toParsingForm(schema));
    if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
      throw new SchemaRegistryException(404, 40403, "Schema not found");
    }
    return id;
  }

  @Override
  public synchronized Schema getById(int id) {
    calls.incrementAndGet();
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    calls.incrementAndGet();
    List<Integer> versions = versionsBySubject.get(subject);
    if (versions == null) {
      throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
    }
    int id = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, versions.size(), id, schemasById.get(id));
  }
}
