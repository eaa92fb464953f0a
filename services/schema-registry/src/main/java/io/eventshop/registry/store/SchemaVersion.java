package io.eventshop.registry.store;

/**
 * One version of a subject as the storage topic holds it.
 *
 * @param subject the subject
 * @param version its version in the subject, from 1
 * @param id      the global schema id
 * @param schema  the schema in canonical form (Avro's parsed and re-printed JSON)
 * @param deleted soft-deleted: hidden, but its id still resolves for readers of old records
 */
public record SchemaVersion(String subject, int version, int id, String schema,
                            boolean deleted) {

  SchemaVersion softDeleted() {
    return new SchemaVersion(subject, version, id, schema, true);
  }
}
