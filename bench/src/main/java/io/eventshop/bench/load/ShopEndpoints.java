package io.eventshop.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the shop under test answers: its HTTP base URLs by component name (as {@code run.json}
 * names them: {@code gateway}, {@code order}, …), the Kafka bootstrap servers, and the pids of
 * its processes (for CPU and memory; empty when the shop runs elsewhere).
 *
 * @param urls             base URLs by component, e.g. {@code gateway → http://127.0.0.1:8080}
 * @param bootstrapServers the cluster, or null when unknown (the raw-Kafka part is then skipped)
 * @param pids             process ids by component
 */
public record ShopEndpoints(Map<String, String> urls, String bootstrapServers,
                            Map<String, Long> pids) {

  private static final String JDBC = "jdbc:";

  public ShopEndpoints {
    urls = Map.copyOf(urls);
    pids = Map.copyOf(pids);
    urls.values().forEach(ShopEndpoints::requireLoopback);
    if (bootstrapServers != null) {
      for (String server : bootstrapServers.split(",")) {
        requireLoopback("http://" + server.trim());
      }
    }
  }

  /** Only the gateway's URL (a shop started elsewhere, no pids). */
  public static ShopEndpoints gatewayOnly(String gatewayUrl, String bootstrapServers) {
    return new ShopEndpoints(Map.of("gateway", stripSlash(gatewayUrl)), bootstrapServers,
        Map.of());
  }

  /** What a running {@code ./eventshop up --data-dir DIR} wrote into {@code DIR/run.json}. */
  public static ShopEndpoints fromRunFile(Path dataDir) {
    Path file = dataDir.resolve("run.json");
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no " + file + ": is ./eventshop up running with --data-dir "
          + dataDir + " and ready?");
    }
    try {
      JsonNode run = new ObjectMapper().readTree(file.toFile());
      Map<String, String> urls = new LinkedHashMap<>();
      Map<String, Long> pids = new LinkedHashMap<>();
      String bootstrap = null;
      for (JsonNode component : run.path("components")) {
        String name = component.path("name").asText();
        if ("kafka".equalsIgnoreCase(component.path("kind").asText())) {
          bootstrap = component.path("url").asText();
        } else {
          urls.put(name, stripSlash(component.path("url").asText()));
        }
        if (component.hasNonNull("pid")) {
          pids.put(name, component.get("pid").asLong());
        }
      }
      if (run.hasNonNull("launcherPid")) {
        pids.put("launcher", run.get("launcherPid").asLong());
      }
      return new ShopEndpoints(urls, bootstrap, pids);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * The base URL to send {@code path} to: the gateway, or with {@code direct} the service that
   * owns the path (as the gateway routes it; the first instance when there are several).
   */
  public String baseFor(String path, boolean direct) {
    String component = direct ? ownerOf(path) : "gateway";
    return url(component).orElseThrow(() ->
        new IllegalStateException("no URL of " + component + " (known: " + urls.keySet() + ")"));
  }

  /** The schema registry's URL, if the shop's run file names one. */
  public Optional<String> registryUrl() {
    return url("schema-registry");
  }

  private Optional<String> url(String component) {
    return Optional.ofNullable(urls.get(component));
  }

  static String ownerOf(String path) {
    if (path.startsWith("/api/products")) {
      return "product";
    }
    if (path.startsWith("/api/stock")) {
      return "stock";
    }
    if (path.startsWith("/api/orders") || path.matches("/api/customers/[^/]+/orders.*")) {
      return "order";
    }
    return "customer";
  }

  /** Every URL of the run, a database's {@code jdbc:postgresql://…} too, is on this machine. */
  private static void requireLoopback(String url) {
    String host = URI.create(url.startsWith(JDBC) ? url.substring(JDBC.length()) : url).getHost();
    if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
      throw new IllegalArgumentException("the benchmark sends traffic only to 127.0.0.1, not to "
          + url);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
