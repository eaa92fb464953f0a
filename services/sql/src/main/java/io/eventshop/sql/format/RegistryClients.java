package io.eventshop.sql.format;

import io.eventshop.contracts.serde.CachedSchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry clients the format's tasks use. Flink builds a format's (de)serialiser on the
 * client and ships it to the task managers serialised, so it carries only a name and a URL: in
 * the service's own mini-cluster the name finds the service's client (the one the tests replace
 * with an in-memory registry); on a remote cluster, where no client is registered, the URL makes
 * one.
 */
public final class RegistryClients {

  private static final Map<String, SchemaRegistryClient> BY_NAME = new ConcurrentHashMap<>();
  private static final Map<String, SchemaRegistryClient> BY_URL = new ConcurrentHashMap<>();

  private RegistryClients() {
  }

  /** Makes {@code client} the one that tasks of this JVM use under {@code name}. */
  public static void register(String name, SchemaRegistryClient client) {
    BY_NAME.put(name, client);
  }

  /** The client registered as {@code name}, else one for {@code url}. */
  public static SchemaRegistryClient get(String name, String url) {
    SchemaRegistryClient client = name == null ? null : BY_NAME.get(name);
    if (client != null) {
      return client;
    }
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("no schema registry client named " + name
          + " in this JVM and no URL ('eventshop-avro.url') to reach one");
    }
    return BY_URL.computeIfAbsent(url, CachedSchemaRegistryClient::new);
  }
}
