package io.eventshop.gateway.routing;

import io.eventshop.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The gateway's routes: each public path to the service that owns it (the OpenAPI documents have
 * theirs in {@code ApiDocsConfiguration}). Every route carries the name of its service in its
 * metadata ({@link #SERVICE}) so an error can say which service is down.
 */
@Configuration(proxyBeanMethods = false)
public class Routes {

  /** Route metadata key naming the service a route leads to. */
  public static final String SERVICE = "service";

  @Bean
  ConfiguredServiceInstances configuredServiceInstances(GatewayProperties properties) {
    return new ConfiguredServiceInstances(properties);
  }

  @Bean
  RouteLocator shopRoutes(RouteLocatorBuilder builder) {
    return builder.routes()
        // The order service answers "the orders of a customer" from its own state, so this one
        // path under /api/customers goes to order; it must be matched before customer's route.
        .route("customer-orders", r -> r.order(Ordered.HIGHEST_PRECEDENCE)
            .path("/api/customers/{id}/orders")
            .metadata(SERVICE, "order")
            .uri("lb://order"))
        .route("products", r -> r.path("/api/products/**")
            .metadata(SERVICE, "product").uri("lb://product"))
        .route("customers", r -> r.path("/api/customers/**")
            .metadata(SERVICE, "customer").uri("lb://customer"))
        .route("stock", r -> r.path("/api/stock/**")
            .metadata(SERVICE, "stock").uri("lb://stock"))
        .route("orders", r -> r.path("/api/orders/**")
            .metadata(SERVICE, "order").uri("lb://order"))
        .route("analytics", r -> r.path("/api/analytics/**")
            .metadata(SERVICE, "analytics").uri("lb://analytics"))
        .route("search", r -> r.path("/api/search", "/api/search/**")
            .metadata(SERVICE, "search").uri("lb://search"))
        .route("sql", r -> r.path("/api/sql/**")
            .metadata(SERVICE, "sql").uri("lb://sql"))
        .route("lake", r -> r.path("/api/lake/**")
            .metadata(SERVICE, "lake").uri("lb://lake"))
        .build();
  }
}
