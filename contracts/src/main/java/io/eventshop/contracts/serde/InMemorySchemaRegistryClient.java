package io.eventshop.contracts.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The one schema registry in one JVM's memory, for tests (topologies under
 * {@code TopologyTestDriver}) and benchmarks: global ids from 1, the same schema (in Avro's
 * parsing canonical form) keeps its id across subjects, versions per subject, and a count of the
 * calls that would have gone over HTTP. No compatibility checks.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** How many calls were made: what a {@link CachedSchemaRegistryClient} would send over HTTP. */
  public int calls() {
    return calls.get();
  }

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
