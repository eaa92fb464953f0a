package io.eventshop.launcher.catalogue;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a component of a run is; written in lower case into {@code run.json}. The kind says how
 * the component's address reads: a database is reached by JDBC, Kafka by its bootstrap address,
 * everything else over HTTP. A service is routed by the gateway; a web application (the legacy
 * CRM) has pages of its own and is reached directly; a Connect worker answers Connect's REST API.
 */
public enum ComponentKind {
  KAFKA("kafka"), DATABASE("database"), SCHEMA_REGISTRY("schema-registry"), SERVICE("service"),
  GATEWAY("gateway"), WEB_APP("web-app"), CONNECT("connect");

  /** Every component the launcher starts listens on the loopback interface only. */
  public static final String HOST = "127.0.0.1";

  private final String label;

  ComponentKind(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /**
   * The address of a component of this kind listening on {@code port}, as tables, {@code run.json}
   * and {@code status} show it and as its readiness probe reaches it. A database names the
   * {@code postgres} database, the one every PostgreSQL server has.
   */
  public String url(int port) {
    return switch (this) {
      case KAFKA -> HOST + ":" + port;
      case DATABASE -> "jdbc:postgresql://" + HOST + ":" + port + "/postgres";
      default -> "http://" + HOST + ":" + port;
    };
  }
}
