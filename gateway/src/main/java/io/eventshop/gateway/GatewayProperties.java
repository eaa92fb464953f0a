package io.eventshop.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the gateway can be told, with its defaults in {@code application.yml}.
 *
 * @param gateway        routing, rate limit, CORS and the event log
 * @param kafka          where the event log reads the business topics
 * @param schemaRegistry where the event log finds the writer schemas of the values it decodes
 */
@ConfigurationProperties(prefix = "eventshop")
public record GatewayProperties(Gateway gateway, Kafka kafka, SchemaRegistry schemaRegistry) {

  /**
   * @param services  base URLs of each service's instances, by service name (several URLs: the
   *                  gateway balances between them round-robin)
   * @param rateLimit the per-client token bucket of {@code /api/**}
   * @param cors      origins allowed to call the API from a browser
   * @param eventLog  the admin's view of the topics
   */
  public record Gateway(Map<String, List<URI>> services, RateLimit rateLimit, Cors cors,
                        EventLog eventLog) {

    public Gateway {
      services = Map.copyOf(services);
      services.forEach((service, urls) -> {
        if (urls.isEmpty()) {
          throw new IllegalArgumentException(
              "eventshop.gateway.services." + service + " needs at least one URL");
        }
      });
    }
  }

  /**
   * @param requestsPerSecond tokens added to a client's bucket per second
   * @param burst             the bucket's size: requests a client may send at once
   */
  public record RateLimit(double requestsPerSecond, int burst) {

    public RateLimit {
      if (requestsPerSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException(
            "eventshop.gateway.rate-limit: requests-per-second must be > 0 and burst >= 1");
      }
    }
  }

  /** @param allowedOrigins origins (scheme://host:port) of the web UI allowed to call the API */
  public record Cors(List<String> allowedOrigins) {
  }

  /**
   * @param enabled         whether the gateway tails the business topics at all
   * @param eventsPerTopic  how many of the latest events per topic it keeps and shows
   * @param refreshInterval how often it looks for topics that appeared since
   */
  public record EventLog(boolean enabled, int eventsPerTopic, Duration refreshInterval) {
  }

  /**
   * @param bootstrapServers       the Kafka cluster
   * @param clientPropertiesFile   optional SASL/SSL settings merged into the consumer
   */
  public record Kafka(String bootstrapServers, Path clientPropertiesFile) {
  }

  /** @param url base URL of the schema registry */
  public record SchemaRegistry(URI url) {
  }
}
