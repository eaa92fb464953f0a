package io.eventshop.contracts.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigException;

/**
 * How an {@link AvroSerde} finds and uses the registry, under Confluent's property names so the
 * same client properties work for Confluent's serdes and ours.
 *
 * @param registryUrl      base URL of the registry ({@code schema.registry.url})
 * @param autoRegister     register the generated class's schema on first write
 *                         ({@code auto.register.schemas}; for development)
 * @param useLatestVersion write with the subject's latest registered schema, never register
 *                         ({@code use.latest.version}; for production, where schemas are
 *                         registered by the deployment, not by a running service)
 */
public record SerdeConfig(String registryUrl, boolean autoRegister, boolean useLatestVersion) {

  public static final String REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";

  public SerdeConfig {
    Objects.requireNonNull(registryUrl, "registryUrl");
  }

  /** Development defaults: register on first write. */
  public static SerdeConfig autoRegistering(String registryUrl) {
    return new SerdeConfig(registryUrl, true, false);
  }

  /**
   * Reads the Confluent properties; {@code auto.register.schemas} defaults to true and
   * {@code use.latest.version} to false, as in Confluent's serdes.
   *
   * @throws ConfigException if {@code schema.registry.url} is missing
   */
  public static SerdeConfig from(Map<String, ?> configs) {
    Object url = configs.get(REGISTRY_URL);
    if (url == null || url.toString().isBlank()) {
      throw new ConfigException(REGISTRY_URL, url, "the URL of the schema registry is required");
    }
    return new SerdeConfig(url.toString(), flag(configs, AUTO_REGISTER, true),
        flag(configs, USE_LATEST_VERSION, false));
  }

  /** These settings as client properties, e.g. for a Kafka Streams or producer config. */
  public Map<String, Object> asProperties() {
    return Map.of(REGISTRY_URL, registryUrl, AUTO_REGISTER, autoRegister, USE_LATEST_VERSION,
        useLatestVersion);
  }

  private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
    Object value = configs.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = value.toString().trim();
    if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
      throw new ConfigException(key, value, "expected true or false");
    }
    return Boolean.parseBoolean(text);
  }
}
