package io.eventshop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service of the shop started in the test JVM against the {@link SharedKafka shared broker}
 * and the {@link SharedSchemaRegistry shared registry}, on a free HTTP port, with an application
 * id (and so consumer groups and transactional ids) of its own.
 */
public final class InProcessService {

  private InProcessService() {
  }

  /**
   * Runs {@code builder}'s application as {@code name}-{@code <random>} with a fresh state
   * directory; {@code overrides} are further command-line properties ({@code --key=value}).
   */
  public static ConfigurableApplicationContext start(SpringApplicationBuilder builder, String name,
                                                     String... overrides) {
    return startAs(builder, name + "-" + UUID.randomUUID(), freshStateDir(name), overrides);
  }

  /**
   * Runs {@code builder}'s application under exactly {@code applicationName} on {@code stateDir}:
   * what a test restarting a service on its own state needs.
   */
  public static ConfigurableApplicationContext startAs(SpringApplicationBuilder builder,
                                                       String applicationName, Path stateDir,
                                                       String... overrides) {
    List<String> arguments = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.application.name=" + applicationName,
        "--eventshop.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
        "--eventshop.kafka.state-dir=" + stateDir));
    arguments.addAll(List.of(overrides));
    // The platform's registry client gives way to a bean that is already there.
    return builder
        .initializers(context -> context.getBeanFactory()
            .registerSingleton("sharedSchemaRegistry", SharedSchemaRegistry.INSTANCE))
        .run(arguments.toArray(String[]::new));
  }

  /** The service's base URL, {@code http://127.0.0.1:<port>}. */
  public static String baseUrl(ConfigurableApplicationContext service) {
    return "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
  }

  /** A new, empty directory for a service's Kafka Streams state. */
  public static Path freshStateDir(String name) {
    try {
      return Files.createTempDirectory(name + "-state");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
