package io.eventshop.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility levels, answered by Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: the new schema can read data written with the old one (consumers upgrade first).
 * FORWARD: the old schema can read data written with the new one (producers upgrade first). FULL:
 * both. The plain levels compare with the latest version, the transitive ones with every version.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** The level named {@code name} (case-insensitive), if there is one. */
  public static Optional<CompatibilityLevel> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (CompatibilityLevel level : values()) {
      if (level.name().equalsIgnoreCase(name.trim())) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  /** Whether every version counts, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /**
   * Why {@code candidate} may not follow {@code existing} (oldest first) under this level; empty
   * when it may.
   */
  public List<String> incompatibilities(Schema candidate, List<Schema> existing) {
    List<String> problems = new ArrayList<>();
    if (existing.isEmpty() || this == NONE) {
      return problems;
    }
    List<Schema> compared = transitive ? existing : existing.subList(existing.size() - 1,
        existing.size());
    for (Schema old : compared) {
      if (newReadsOld) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
            "the new schema cannot read data written with an old one", problems);
      }
      if (oldReadsNew) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
            "an old schema cannot read data written with the new one", problems);
      }
    }
    return problems;
  }

  private static void describe(SchemaPairCompatibility result, String direction,
                               List<String> problems) {
    if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(
        direction + ": " + incompatibility.getType() + " at '" + incompatibility.getLocation()
            + "': " + incompatibility.getMessage()));
  }
}
