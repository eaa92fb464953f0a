package io.eventshop.contracts.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject in the registry.
 *
 * @param subject the subject, e.g. {@code orders-value}
 * @param version the version within the subject, from 1
 * @param id      the global schema id written into every record
 * @param schema  the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {

  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
