package io.eventshop.gateway.docs;

import io.eventshop.gateway.GatewayProperties;
import io.eventshop.gateway.routing.Routes;
import io.eventshop.platform.EventshopProperties;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import java.util.LinkedHashSet;
import java.util.Map;
import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API docs: Swagger UI (springdoc, at {@code /swagger-ui.html}) lists every
 * {@link ApiDocuments document}, and each service's document is routed from the service to
 * {@code /api-docs/{service}} as {@link DocumentAsServed served}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Gateway API",
    version = "${spring.application.version:development}",
    description = "The shop's single entry point. Its own operations: the admin's event log"
        + " (the latest events of every business topic, and a live stream of them) and the stock"
        + " levels of many products in one request. Every `/api/**` request through it may be"
        + " answered 429 (the per-client rate limit, with `Retry-After`) or 503 (the service"
        + " behind it cannot be reached), as `application/problem+json`."),
    servers = @Server(url = "/", description = "the gateway"))
public class ApiDocsConfiguration {

  @Bean
  ApiDocuments apiDocuments(GatewayProperties gateway, EventshopProperties platform) {
    return ApiDocuments.of(gateway, platform);
  }

  @Bean
  RouteLocator apiDocsRoutes(RouteLocatorBuilder builder, ApiDocuments documents,
                             JsonMapper json) {
    RouteLocatorBuilder.Builder routes = builder.routes();
    for (ApiDocuments.ApiDocument document : documents.upstream()) {
      routes.route("api-docs-" + document.name(), r -> r.path(document.url())
          .filters(f -> f.setPath("/v3/api-docs")
              .modifyResponseBody(String.class, String.class,
                  new DocumentAsServed(json, document)))
          .metadata(Map.of(Routes.SERVICE, document.name()))
          .uri(document.upstream().orElseThrow()));
    }
    return routes.build();
  }

  /**
   * Swagger UI's list of documents, from the services configured: set on springdoc's properties
   * before anything reads them (a post-processor, so it holds whenever springdoc copies them).
   */
  @Bean
  static BeanPostProcessor swaggerUiDocumentList(ObjectProvider<ApiDocuments> documents) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SwaggerUiConfigProperties swaggerUi) {
          LinkedHashSet<SwaggerUrl> urls = new LinkedHashSet<>();
          documents.getObject().all().forEach(document -> urls.add(
              new SwaggerUrl(document.name(), document.url(), document.name())));
          swaggerUi.setUrls(urls);
          swaggerUi.setUrlsPrimaryName(urls.iterator().next().getName());
        }
        return bean;
      }
    };
  }
}
