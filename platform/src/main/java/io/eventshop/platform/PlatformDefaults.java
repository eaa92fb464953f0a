package io.eventshop.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code eventshop-platform-defaults.properties} as the LOWEST-precedence property source:
 * every service inherits the actuator exposure, problem-details, Jackson and logging settings,
 * and may override any of them in its own {@code application.yml} or on the command line.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String RESOURCE = "eventshop-platform-defaults.properties";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
                                     SpringApplication application) {
    try {
      environment.getPropertySources().addLast(
          new ResourcePropertySource("eventshopPlatformDefaults", new ClassPathResource(RESOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
