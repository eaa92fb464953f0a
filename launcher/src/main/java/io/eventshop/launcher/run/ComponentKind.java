package io.eventshop.launcher.run;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a component of a run is; written in lower case into {@code run.json}. */
public enum ComponentKind {
  KAFKA("kafka"), SCHEMA_REGISTRY("schema-registry"), SERVICE("service"), GATEWAY("gateway");

  private final String label;

  ComponentKind(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }
}
