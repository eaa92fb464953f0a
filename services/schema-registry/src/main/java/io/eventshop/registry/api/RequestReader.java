package io.eventshop.registry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.registry.RegistryError;
import io.eventshop.registry.compatibility.CompatibilityLevel;
import io.eventshop.registry.store.SchemaStore;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Reads request bodies and path parameters the way Confluent's registry does, with its error
 * codes: malformed JSON 400, invalid schema 42201, invalid version 42202, invalid level 42203.
 * Bodies are read from text whatever their declared content type.
 */
final class RequestReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestReader() {
  }

  /** The Avro schema of a {@code {"schema": "...", "schemaType": "AVRO"}} body. */
  static Schema schema(String body) {
    JsonNode request = json(body);
    String type = request.path("schemaType").asText("AVRO");
    if (!type.equalsIgnoreCase("AVRO")) {
      throw RegistryError.invalidSchema("only AVRO schemas are supported, got " + type);
    }
    if (request.path("references").size() > 0) {
      throw RegistryError.invalidSchema("schema references are not supported");
    }
    JsonNode schema = request.path("schema");
    if (!schema.isTextual() || schema.asText().isBlank()) {
      throw RegistryError.invalidSchema("the body has no \"schema\" string");
    }
    try {
      return new Schema.Parser().parse(schema.asText());
    } catch (SchemaParseException | IllegalArgumentException e) {
      throw RegistryError.invalidSchema(e.getMessage());
    }
  }

  /** The level of a {@code {"compatibility": "FULL"}} body. */
  static CompatibilityLevel level(String body) {
    JsonNode request = json(body);
    String level = request.path("compatibility").asText(null);
    return CompatibilityLevel.parse(level)
        .orElseThrow(() -> RegistryError.invalidCompatibilityLevel(level));
  }

  /** A version path parameter: a number from 1, or {@code latest} (or -1). */
  static int version(String version) {
    if (version.equalsIgnoreCase("latest")) {
      return SchemaStore.LATEST;
    }
    try {
      int number = Integer.parseInt(version);
      if (number == SchemaStore.LATEST) {
        return SchemaStore.LATEST;
      }
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw RegistryError.invalidVersion(version);
  }

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      throw RegistryError.malformedRequest("The request body is empty");
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw RegistryError.malformedRequest("The request body is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RegistryError.malformedRequest("Malformed JSON: " + e.getOriginalMessage());
    }
  }
}
