package io.eventshop.contracts.serde;

import org.apache.avro.Schema;

/**
 * What the serdes need from a Confluent-compatible schema registry. Implementations answer from
 * caches where they can: an id never changes its schema, and a schema registered under a subject
 * keeps its id.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry refuses (with its
 * Confluent error code) or cannot be reached.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (idempotent: a schema already registered there
   * keeps its id) and returns its global id.
   */
  int register(String subject, Schema schema);

  /** The id of {@code schema} if it is registered under {@code subject}; never registers. */
  int lookup(String subject, Schema schema);

  /** The schema with the global id {@code id}. */
  Schema getById(int id);

  /** The latest version registered under {@code subject}. */
  RegisteredSchema latest(String subject);
}
