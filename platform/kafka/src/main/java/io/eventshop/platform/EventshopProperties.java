package io.eventshop.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka settings every component that talks to Kafka shares, bound from {@code eventshop.*} with defaults that
 * work on a laptop. A bad value stops start-up with a message naming the key (e.g.
 * {@code eventshop.kafka.commit-interval}).
 *
 * <p>The application id (Kafka Streams {@code application.id}, consumer group prefix, client id)
 * is {@code spring.application.name}, not a property of this record.
 *
 * @param kafka          how to reach Kafka and how Kafka Streams runs
 * @param schemaRegistry where the Avro schemas live
 * @param instanceId     which instance of the service this is (1, 2, …); part of client ids and
 *                       of the default state directory
 *
 * <p>Web settings ({@code eventshop.http.*}) are {@code WebProperties} of the platform's web part.
 */
@Validated
@ConfigurationProperties("eventshop")
public record EventshopProperties(
    @Valid @DefaultValue Kafka kafka,
    @Valid @DefaultValue SchemaRegistry schemaRegistry,
    @DefaultValue("1")
    @Min(value = 1, message = "eventshop.instance-id must be between 1 and 999")
    @Max(value = 999, message = "eventshop.instance-id must be between 1 and 999") int instanceId) {

  /**
   * This instance's state directory: {@code eventshop.kafka.state-dir}, or by default
   * {@code <java.io.tmpdir>/eventshop-streams/instance-<instance-id>}. Kafka Streams keeps its
   * stores there; other local state (a search index) goes in a sub-directory of it.
   */
  public Path stateDir() {
    if (kafka.stateDir() != null) {
      return kafka.stateDir();
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "eventshop-streams",
        "instance-" + instanceId);
  }

  /**
   * Kafka connection and Kafka Streams settings.
   *
   * @param bootstrapServers     {@code host:port[,host:port…]}
   * @param clientPropertiesFile optional Java properties file (SASL/SSL settings…) merged into every
   *                             Kafka client the service creates: producers, consumers, admin and
   *                             Kafka Streams; its entries win over the platform's defaults
   * @param stateDir             Kafka Streams state directory; default
   *                             {@code <java.io.tmpdir>/eventshop-streams/instance-<instance-id>};
   *                             two instances on one machine need two directories
   * @param commitInterval       Kafka Streams {@code commit.interval.ms}: the latency/throughput
   *                             knob. Under exactly-once a hop's output becomes visible downstream
   *                             only at the commit, so every hop adds about one interval of
   *                             latency; larger values give bigger transactions and more
   *                             throughput
   * @param streamThreads        Kafka Streams {@code num.stream.threads}
   * @param advertisedHost       the host other instances use to reach this one over HTTP
   *                             (Kafka Streams {@code application.server} is this host plus the
   *                             HTTP port)
   */
  public record Kafka(
      @DefaultValue("127.0.0.1:9092") @NotNull(message = BOOTSTRAP)
      @Pattern(regexp = "[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*", message = BOOTSTRAP)
      String bootstrapServers,
      Path clientPropertiesFile,
      Path stateDir,
      @DefaultValue("10ms") @NotNull(message = COMMIT_INTERVAL)
      @DurationMin(millis = 1, message = COMMIT_INTERVAL)
      @DurationMax(minutes = 10, message = COMMIT_INTERVAL) Duration commitInterval,
      @DefaultValue("1")
      @Min(value = 1, message = "eventshop.kafka.stream-threads must be between 1 and 64")
      @Max(value = 64, message = "eventshop.kafka.stream-threads must be between 1 and 64")
      int streamThreads,
      @DefaultValue("127.0.0.1")
      @NotBlank(message = "eventshop.kafka.advertised-host must not be blank")
      String advertisedHost) {

    static final String BOOTSTRAP =
        "eventshop.kafka.bootstrap-servers must be host:port[,host:port...]";
    static final String COMMIT_INTERVAL =
        "eventshop.kafka.commit-interval must be between 1ms and 10m";
  }

  /**
   * The schema registry (Confluent-compatible REST API).
   *
   * @param url              its base URL
   * @param autoRegister     whether serializers register a value schema that is not yet
   *                         registered (development)
   * @param useLatestVersion write with the subject's latest registered schema and never
   *                         register (production, where deployments register schemas)
   */
  public record SchemaRegistry(
      @DefaultValue("http://127.0.0.1:8081") @NotNull(message = URL)
      @Pattern(regexp = "https?://[^\\s]+", message = URL) String url,
      @DefaultValue("true") boolean autoRegister,
      @DefaultValue("false") boolean useLatestVersion) {

    static final String URL = "eventshop.schema-registry.url must be an http(s) URL";
  }
}
