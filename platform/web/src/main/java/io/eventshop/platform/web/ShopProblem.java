package io.eventshop.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A business outcome a REST handler reports as an RFC 9457 problem: throw one of the subclasses
 * and the platform answers {@code application/problem+json} with its status, a {@code type}
 * under {@link #TYPE_BASE}, the {@code detail} and the extra properties (e.g. {@code entity} and
 * {@code id}).
 */
public abstract sealed class ShopProblem extends RuntimeException
    permits NotFound, Conflict, Unprocessable, Unavailable {

  /** Base of the {@code type} URIs of the shop's problems. */
  public static final String TYPE_BASE = "https://eventshop.io/problems/";

  private final HttpStatus status;
  private final String type;
  private final Map<String, Object> properties;

  protected ShopProblem(HttpStatus status, String type, String detail,
                        Map<String, Object> properties) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.properties = Map.copyOf(properties);
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /** The problem {@code type} URI. */
  public URI type() {
    return URI.create(TYPE_BASE + type);
  }

  /** Extra members of the problem document. */
  public Map<String, Object> properties() {
    return properties;
  }

  static Map<String, Object> entity(String entity, String id) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("entity", entity);
    properties.put("id", id);
    return properties;
  }
}
