package io.eventshop.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON bodies of Confluent's REST API, field for field. */
final class Bodies {

  private Bodies() {
  }

  record RegisteredId(int id) {
  }

  record SubjectVersion(String subject, int version, int id, String schema) {
  }

  record SchemaString(String schema) {
  }

  record CompatibilityLevelAnswer(String compatibilityLevel) {
  }

  record CompatibilityUpdate(String compatibility) {
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CompatibilityAnswer(@JsonProperty("is_compatible") boolean compatible,
                             List<String> messages) {
  }

  record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {
  }
}
