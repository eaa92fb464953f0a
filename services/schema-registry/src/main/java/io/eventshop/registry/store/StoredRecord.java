package io.eventshop.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventshop.registry.compatibility.CompatibilityLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One record of the storage topic. Keys and values are JSON in the layout of Confluent's
 * {@code _schemas} ({@code keytype} SCHEMA or CONFIG), plus ID_HIGH_WATER, which remembers the
 * highest id ever handed out so that compaction of hard-deleted schemas never lets an id be
 * reused. A null value is a tombstone (hard delete, config removed).
 *
 * @param key   the key bytes; equal keys are equal bytes, so compaction keeps the latest
 * @param value the value bytes, or null for a tombstone
 */
record StoredRecord(byte[] key, byte[] value) {

  private static final Logger LOG = LoggerFactory.getLogger(StoredRecord.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  static StoredRecord schema(SchemaVersion version) {
    ObjectNode value = JSON.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema())
        .put("deleted", version.deleted());
    return new StoredRecord(schemaKey(version.subject(), version.version()), bytes(value));
  }

  static StoredRecord schemaTombstone(String subject, int version) {
    return new StoredRecord(schemaKey(subject, version), null);
  }

  static StoredRecord config(String subject, CompatibilityLevel level) {
    return new StoredRecord(configKey(subject),
        level == null ? null
            : bytes(JSON.createObjectNode().put("compatibilityLevel", level.name())));
  }

  static StoredRecord highestId(int id) {
    return new StoredRecord(bytes(JSON.createObjectNode().put("keytype", "ID_HIGH_WATER")
        .put("magic", 0)), bytes(JSON.createObjectNode().put("id", id)));
  }

  /** Applies a record read from the topic; records of unknown key types are skipped. */
  static void applyTo(RegistryState state, byte[] key, byte[] value) {
    try {
      JsonNode keyNode = JSON.readTree(key);
      JsonNode valueNode = value == null ? null : JSON.readTree(value);
      switch (keyNode.path("keytype").asText()) {
        case "SCHEMA" -> {
          if (valueNode == null) {
            state.remove(keyNode.path("subject").asText(), keyNode.path("version").asInt());
          } else {
            state.put(new SchemaVersion(valueNode.path("subject").asText(),
                valueNode.path("version").asInt(), valueNode.path("id").asInt(),
                valueNode.path("schema").asText(), valueNode.path("deleted").asBoolean(false)));
          }
        }
        case "CONFIG" -> {
          String subject = keyNode.path("subject").isTextual()
              ? keyNode.path("subject").asText() : null;
          state.level(subject, valueNode == null ? null : CompatibilityLevel
              .parse(valueNode.path("compatibilityLevel").asText()).orElse(null));
        }
        case "ID_HIGH_WATER" -> {
          if (valueNode != null) {
            state.raiseHighestId(valueNode.path("id").asInt());
          }
        }
        default -> LOG.debug("Skipping a storage record of key {}", keyNode);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Skipping an unreadable storage record: {}", e.toString());
    }
  }

  private static byte[] schemaKey(String subject, int version) {
    return bytes(JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject)
        .put("version", version).put("magic", 1));
  }

  private static byte[] configKey(String subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return bytes(key.put("magic", 0));
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
