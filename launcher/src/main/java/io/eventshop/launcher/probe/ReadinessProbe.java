package io.eventshop.launcher.probe;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a component shows that it is ready for the components that need it. The catalogue gives
 * each component one; {@code up} waits on it and {@code status} asks it again. It is written into
 * {@code run.json} with the component, so that {@code status} asks what {@code up} asked even when
 * the catalogue has changed since.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HttpProbe.class, name = "http"),
    @JsonSubTypes.Type(value = TcpProbe.class, name = "tcp"),
    @JsonSubTypes.Type(value = KafkaProbe.class, name = "kafka"),
    @JsonSubTypes.Type(value = JdbcProbe.class, name = "jdbc")})
public sealed interface ReadinessProbe permits HttpProbe, TcpProbe, KafkaProbe, JdbcProbe {

  /**
   * Whether the component at {@code url} is ready; false when it cannot be reached (never throws).
   *
   * @param url             the component's address, as {@link
   *                        io.eventshop.launcher.catalogue.ComponentKind#url(int)} writes it
   * @param kafkaProperties client properties of a secured cluster; only the Kafka probe uses them
   */
  boolean isReady(String url, Optional<Path> kafkaProperties);

  /** What the probe asks, for a message: {@code GET http://127.0.0.1:8110/actuator/health}. */
  String question(String url);

  /** The word for the answer in progress lines: {@code healthy} or {@code ready}. */
  String outcome();
}
