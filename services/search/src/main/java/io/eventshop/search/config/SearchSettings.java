package io.eventshop.search.config;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The search service's own settings ({@code eventshop.search.*}); Kafka and the registry are the
 * platform's {@code eventshop.*}. Without {@code url} the index is embedded Lucene on local disk;
 * with it, an Elasticsearch or OpenSearch cluster. A bad value stops start-up naming the key.
 *
 * @param url      the cluster's base URL(s), comma-separated ({@code https://search-1:9200}); none:
 *                 embedded Lucene
 * @param username the cluster's user (basic authentication); none: no authentication
 * @param password that user's password
 * @param version  the cluster's distribution and version ({@code 9.1}, {@code opensearch:2.19}),
 *                 for a cluster that does not let its version be asked; none: asked at start
 * @param indexDir where the embedded Lucene index lives; default {@code search-index} in the
 *                 instance's state directory ({@code eventshop.kafka.state-dir})
 * @param concurrentQueries how many queries run at once; default twice the processors (a query
 *                 is CPU work: more only share the cores more thinly)
 * @param queryWait how long a query waits for its turn before it is refused (503 with
 *                 {@code Retry-After}); default 250 ms
 */
@Validated
@ConfigurationProperties("eventshop.search")
public record SearchSettings(
    @Pattern(regexp = "https?://[^\\s,]+(,https?://[^\\s,]+)*", message = URL) String url,
    String username,
    String password,
    @Pattern(regexp = "((elastic|opensearch):)?\\d+(\\.\\d+){0,2}", message = VERSION)
    String version,
    Path indexDir,
    @Positive(message = CONCURRENT) Integer concurrentQueries,
    @DefaultValue("250ms") Duration queryWait) {

  static final String URL = "eventshop.search.url must be http(s) URLs, comma-separated";
  static final String CONCURRENT = "eventshop.search.concurrent-queries must be at least 1";
  static final String VERSION =
      "eventshop.search.version must be a version such as 9.1 or opensearch:2.19";

  /** {@link #concurrentQueries}, or its default. */
  public int concurrentQueriesOrDefault() {
    return concurrentQueries != null ? concurrentQueries
        : 2 * Runtime.getRuntime().availableProcessors();
  }

  /** Whether the index is a cluster's rather than embedded Lucene. */
  public boolean cluster() {
    return url != null && !url.isBlank();
  }

  @AssertTrue(message = "eventshop.search.password needs eventshop.search.username")
  boolean isPasswordWithUser() {
    return password == null || username != null;
  }

  @AssertTrue(message = "eventshop.search.username, password and version apply to a cluster only:"
      + " set eventshop.search.url too")
  boolean isClusterSettingWithUrl() {
    return cluster() || (username == null && version == null);
  }
}
