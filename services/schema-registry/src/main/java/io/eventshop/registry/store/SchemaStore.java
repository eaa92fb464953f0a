package io.eventshop.registry.store;

import io.eventshop.registry.RegistryError;
import io.eventshop.registry.compatibility.CompatibilityLevel;
import io.eventshop.registry.store.SchemaLog.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's rules over the storage topic: what registering, looking up, checking and
 * deleting mean, with Confluent's answers. Reads come from the in-memory state; writes go through
 * the {@link SchemaLog}'s single writer and decide on state caught up with the topic.
 *
 * <p>Versions are addressed by number, or by {@link #LATEST}.
 */
public final class SchemaStore {

  /** The version number that stands for the latest version. */
  public static final int LATEST = -1;
  /** The compatibility level when none is configured, as in Confluent's registry. */
  public static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);

  private final RegistryState state;
  private final SchemaLog log;

  SchemaStore(RegistryState state, SchemaLog log) {
    this.state = state;
    this.log = log;
  }

  /** The canonical form under which a schema is stored and compared. */
  public static String canonical(Schema schema) {
    return schema.toString();
  }

  /**
   * Registers {@code schema} under {@code subject} and returns its global id: the id it already
   * has under this subject, else the id the same schema has under another subject, else a new
   * one. Checked against the subject's versions under its compatibility level.
   */
  public int register(String subject, Schema schema) {
    String canonical = canonical(schema);
    Optional<SchemaVersion> existing = liveVersionOf(subject, canonical);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    return log.write(current -> {
      Optional<SchemaVersion> meanwhile = liveVersionOf(subject, canonical);
      if (meanwhile.isPresent()) {
        return Decision.answer(meanwhile.get().id());
      }
      List<String> problems = level(subject).incompatibilities(schema,
          parsed(current.versions(subject, false)));
      if (!problems.isEmpty()) {
        throw RegistryError.incompatible(String.join("; ", problems));
      }
      List<StoredRecord> records = new ArrayList<>();
      int id = current.idOf(canonical).orElseGet(() -> {
        int next = current.nextId();
        records.add(StoredRecord.highestId(next));
        return next;
      });
      int version = current.highestVersion(subject) + 1;
      records.add(StoredRecord.schema(new SchemaVersion(subject, version, id, canonical, false)));
      LOG.info("Registering schema id {} as version {} of {}", id, version, subject);
      return new Decision<>(records, id);
    });
  }

  /** The version of {@code subject} that holds {@code schema}. */
  public SchemaVersion lookup(String subject, Schema schema, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    String canonical = canonical(schema);
    return versions.stream().filter(version -> version.schema().equals(canonical))
        .reduce((older, newer) -> newer).orElseThrow(RegistryError::schemaNotFound);
  }

  /** The schema with global id {@code id}, as long as some version refers to it. */
  public String schemaById(int id) {
    return state.schemaById(id).orElseThrow(() -> RegistryError.schemaIdNotFound(id));
  }

  public List<String> subjects(boolean includeDeleted) {
    return state.subjects(includeDeleted);
  }

  /** The version numbers of {@code subject}, oldest first. */
  public List<Integer> versions(String subject, boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return versions.stream().map(SchemaVersion::version).toList();
  }

  /** Version {@code version} (or {@link #LATEST}) of {@code subject}. */
  public SchemaVersion version(String subject, int version, boolean includeDeleted) {
    return find(state, subject, version, includeDeleted);
  }

  /**
   * Why {@code schema} could not follow version {@code version} of {@code subject} (every version
   * for a transitive level, or when {@code version} is null); empty when it could.
   */
  public List<String> compatibilityProblems(String subject, Integer version, Schema schema) {
    CompatibilityLevel level = level(subject);
    List<SchemaVersion> compared = version == null || level.transitive()
        ? state.versions(subject, false)
        : List.of(find(state, subject, version, false));
    if (compared.isEmpty() && version != null) {
      throw RegistryError.subjectNotFound(subject);
    }
    return level.incompatibilities(schema, parsed(compared));
  }

  /**
   * Deletes every version of {@code subject}: soft (hidden, ids still resolve), or, once soft
   * deleted, permanently (tombstones). Returns the version numbers deleted.
   */
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    return log.write(current -> {
      List<SchemaVersion> all = current.versions(subject, true);
      if (all.isEmpty()) {
        throw RegistryError.subjectNotFound(subject);
      }
      boolean anyLive = all.stream().anyMatch(version -> !version.deleted());
      List<StoredRecord> records = new ArrayList<>();
      if (permanent) {
        if (anyLive) {
          throw RegistryError.subjectNotSoftDeleted(subject);
        }
        all.forEach(version -> records.add(
            StoredRecord.schemaTombstone(subject, version.version())));
      } else {
        if (!anyLive) {
          throw RegistryError.subjectSoftDeleted(subject);
        }
        all.stream().filter(version -> !version.deleted())
            .forEach(version -> records.add(StoredRecord.schema(version.softDeleted())));
      }
      LOG.info("Deleting subject {} ({})", subject, permanent ? "permanently" : "soft");
      List<Integer> deleted = all.stream().filter(version -> permanent || !version.deleted())
          .map(SchemaVersion::version).toList();
      return new Decision<>(records, deleted);
    });
  }

  /** Deletes one version, soft or (once soft deleted) permanently; returns its number. */
  public int deleteVersion(String subject, int version, boolean permanent) {
    return log.write(current -> {
      // A numbered version is found even if soft deleted (to say so); latest means the latest
      // live version for a soft delete.
      SchemaVersion found = find(current, subject, version, permanent || version != LATEST);
      if (permanent && !found.deleted()) {
        throw RegistryError.versionNotSoftDeleted(subject, found.version());
      }
      if (!permanent && found.deleted()) {
        throw RegistryError.versionSoftDeleted(subject, found.version());
      }
      LOG.info("Deleting version {} of {} ({})", found.version(), subject,
          permanent ? "permanently" : "soft");
      StoredRecord record = permanent
          ? StoredRecord.schemaTombstone(subject, found.version())
          : StoredRecord.schema(found.softDeleted());
      return new Decision<>(List.of(record), found.version());
    });
  }

  /** The level applying to {@code subject}: its own, else the global one. */
  public CompatibilityLevel level(String subject) {
    return state.subjectLevel(subject).orElseGet(this::globalLevel);
  }

  public CompatibilityLevel globalLevel() {
    return state.globalLevel().orElse(DEFAULT_LEVEL);
  }

  /** The level configured for {@code subject} itself (40408 when none is). */
  public CompatibilityLevel subjectLevel(String subject) {
    return state.subjectLevel(subject)
        .orElseThrow(() -> RegistryError.subjectLevelConfigNotFound(subject));
  }

  /** Sets the level of {@code subject}, or the global level when {@code subject} is null. */
  public CompatibilityLevel setLevel(String subject, CompatibilityLevel level) {
    return log.write(current -> {
      LOG.info("Compatibility of {} set to {}", subject == null ? "all subjects" : subject, level);
      return new Decision<>(List.of(StoredRecord.config(subject, level)), level);
    });
  }

  /** Removes the level of {@code subject}, which then follows the global level. */
  public CompatibilityLevel deleteSubjectLevel(String subject) {
    return log.write(current -> {
      CompatibilityLevel previous = current.subjectLevel(subject)
          .orElseThrow(() -> RegistryError.subjectLevelConfigNotFound(subject));
      return new Decision<>(List.of(StoredRecord.config(subject, null)), previous);
    });
  }

  /** Whether the store has read its topic and follows it. */
  public boolean ready() {
    return log.ready();
  }

  private Optional<SchemaVersion> liveVersionOf(String subject, String canonical) {
    return state.versions(subject, false).stream()
        .filter(version -> version.schema().equals(canonical)).findFirst();
  }

  private static SchemaVersion find(RegistryState state, String subject, int version,
                                    boolean includeDeleted) {
    List<SchemaVersion> versions = state.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    if (version == LATEST) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream().filter(candidate -> candidate.version() == version).findFirst()
        .orElseThrow(() -> RegistryError.versionNotFound(version));
  }

  private static List<Schema> parsed(List<SchemaVersion> versions) {
    return versions.stream().map(version -> new Schema.Parser().parse(version.schema())).toList();
  }
}
