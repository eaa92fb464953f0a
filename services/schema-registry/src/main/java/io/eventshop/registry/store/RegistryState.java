package io.eventshop.registry.store;

import io.eventshop.registry.compatibility.CompatibilityLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry as of the records read so far from the storage topic. Only the topic's reader
 * changes it; request threads read it.
 */
final class RegistryState {

  private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Integer> versionsUsingId = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private int highestId;

  synchronized void put(SchemaVersion version) {
    SchemaVersion previous = subjects.computeIfAbsent(version.subject(), key -> new TreeMap<>())
        .put(version.version(), version);
    if (previous != null) {
      release(previous.id());
    }
    schemasById.put(version.id(), version.schema());
    idsBySchema.put(version.schema(), version.id());
    versionsUsingId.merge(version.id(), 1, Integer::sum);
    highestId = Math.max(highestId, version.id());
  }

  synchronized void remove(String subject, int version) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    if (versions == null) {
      return;
    }
    SchemaVersion removed = versions.remove(version);
    if (versions.isEmpty()) {
      subjects.remove(subject);
    }
    if (removed != null) {
      release(removed.id());
    }
  }

  /** Forgets a schema once no version refers to its id; the id itself is never handed out again. */
  private void release(int id) {
    if (versionsUsingId.merge(id, -1, Integer::sum) == 0) {
      versionsUsingId.remove(id);
      idsBySchema.remove(schemasById.remove(id));
    }
  }

  synchronized void raiseHighestId(int id) {
    highestId = Math.max(highestId, id);
  }

  synchronized void level(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  synchronized int nextId() {
    return highestId + 1;
  }

  synchronized Optional<String> schemaById(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  synchronized Optional<Integer> idOf(String canonicalSchema) {
    return Optional.ofNullable(idsBySchema.get(canonicalSchema));
  }

  synchronized List<String> subjects(boolean includeDeleted) {
    return subjects.entrySet().stream()
        .filter(entry -> includeDeleted
            || entry.getValue().values().stream().anyMatch(version -> !version.deleted()))
        .map(Map.Entry::getKey).toList();
  }

  /** The versions of {@code subject}, oldest first; soft-deleted ones only if asked. */
  synchronized List<SchemaVersion> versions(String subject, boolean includeDeleted) {
    return subjects.getOrDefault(subject, new TreeMap<>()).values().stream()
        .filter(version -> includeDeleted || !version.deleted()).toList();
  }

  synchronized int highestVersion(String subject) {
    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
    return versions == null ? 0 : versions.lastKey();
  }

  synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  synchronized Optional<CompatibilityLevel> globalLevel() {
    return Optional.ofNullable(globalLevel);
  }
}
