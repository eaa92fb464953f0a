package io.eventshop.gateway.web;

import io.eventshop.gateway.GatewayProperties;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** The web filters around every route: rate limit and CORS for the UI's origin. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  RateLimitFilter rateLimitFilter(GatewayProperties properties, Problems problems) {
    return new RateLimitFilter(properties.rateLimit(), problems, System::nanoTime);
  }

  // Before the rate limit: a browser's preflight is answered here and costs the client nothing.
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE + 5)
  CorsWebFilter corsWebFilter(GatewayProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.cors().allowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Content-Type", "Idempotency-Key", "Prefer",
        RequestIdFilter.HEADER, "Last-Event-ID"));
    cors.setExposedHeaders(List.of("Location", RequestIdFilter.HEADER, "Retry-After",
        "Preference-Applied"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    return new CorsWebFilter(source);
  }
}
