package io.eventshop.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the platform's defaults as the LOWEST-precedence property sources: every part of the
 * platform on a component's classpath contributes its own file,
 * {@code META-INF/eventshop/<part>-defaults.properties} (base: logs, actuator; web: problem
 * details, JSON, OpenAPI; kafka and streams: client log levels). A component's own
 * {@code application.yml} or the command line overrides any entry.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

  static final String PATTERN = "classpath*:META-INF/eventshop/*-defaults.properties";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment,
                                     SpringApplication application) {
    try {
      Resource[] files = new PathMatchingResourcePatternResolver().getResources(PATTERN);
      // Sorted by file name, so the order of the sources does not depend on the classpath's.
      Arrays.sort(files, Comparator.comparing(Resource::getFilename));
      for (Resource file : files) {
        environment.getPropertySources().addLast(
            new ResourcePropertySource("eventshop-" + file.getFilename(), file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the platform defaults " + PATTERN, e);
    }
  }
}
