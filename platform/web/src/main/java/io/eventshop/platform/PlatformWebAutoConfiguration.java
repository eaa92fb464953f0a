package io.eventshop.platform;

import io.eventshop.platform.web.ProblemErrorController;
import io.eventshop.platform.web.ProblemHandler;
import io.eventshop.platform.web.RequestBodyLimitFilter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * RFC 9457 problem details for every error of a servlet service ({@link ProblemHandler},
 * {@link ProblemErrorController}) and the request body limit ({@link RequestBodyLimitFilter}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class PlatformWebAutoConfiguration {

  @Bean
  ProblemHandler problemHandler() {
    return new ProblemHandler();
  }

  @Bean
  ProblemErrorController problemErrorController() {
    return new ProblemErrorController();
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      WebProperties properties,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
        new RequestBodyLimitFilter(properties.maxRequestBody().toBytes(), problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
