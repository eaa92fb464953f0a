package io.eventshop.gateway.docs;

import io.eventshop.gateway.GatewayProperties;
import io.eventshop.platform.EventshopProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI documents the gateway offers in Swagger UI, in the order a reader meets the shop:
 * every service it routes to (each at {@code /api-docs/{service}}), the schema registry (at
 * {@code /api-docs/schema-registry}, though its API is not routed: Kafka clients call it
 * directly) and the gateway's own ({@code /v3/api-docs}: the event log).
 */
public final class ApiDocuments {

  /** The gateway's own document: its name in Swagger UI. */
  public static final String GATEWAY = "gateway";
  static final String SCHEMA_REGISTRY = "schema-registry";
  private static final List<String> SHOP_ORDER = List.of("product", "customer", "stock", "order",
      "analytics", "search", "sql", "lake");

  /**
   * One document.
   *
   * @param name     the service it describes
   * @param upstream where the gateway fetches it from ({@code lb://order}, the registry's URL),
   *                 empty for the gateway's own
   * @param server   where its operations are called: the gateway ({@code /}) for the routed
   *                 services, the registry's own URL for the registry
   */
  public record ApiDocument(String name, Optional<URI> upstream, String server) {

    /** Where Swagger UI reads it, on the gateway. */
    public String url() {
      return upstream.isPresent() ? "/api-docs/" + name : "/v3/api-docs";
    }
  }

  private final List<ApiDocument> documents;

  private ApiDocuments(List<ApiDocument> documents) {
    this.documents = List.copyOf(documents);
  }

  public static ApiDocuments of(GatewayProperties gateway, EventshopProperties platform) {
    List<ApiDocument> documents = new ArrayList<>();
    gateway.services().keySet().stream()
        .sorted(Comparator.comparing(ApiDocuments::shopRank).thenComparing(name -> name))
        .forEach(service -> documents.add(
            new ApiDocument(service, Optional.of(URI.create("lb://" + service)), "/")));
    if (!gateway.services().containsKey(SCHEMA_REGISTRY)) {
      URI registry = URI.create(platform.schemaRegistry().url());
      documents.add(new ApiDocument(SCHEMA_REGISTRY, Optional.of(registry), registry.toString()));
    }
    documents.add(new ApiDocument(GATEWAY, Optional.empty(), "/"));
    return new ApiDocuments(documents);
  }

  public List<ApiDocument> all() {
    return documents;
  }

  /** The documents the gateway fetches from elsewhere, each behind its own route. */
  public List<ApiDocument> upstream() {
    return documents.stream().filter(document -> document.upstream().isPresent()).toList();
  }

  private static int shopRank(String service) {
    int rank = SHOP_ORDER.indexOf(service);
    return rank < 0 ? SHOP_ORDER.size() : rank;
  }
}
