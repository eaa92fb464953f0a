package io.eventshop.sql.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sql service's own settings ({@code eventshop.sql.*}); Kafka and the registry are the
 * platform's {@code eventshop.*}. A bad value stops start-up naming the key.
 *
 * @param slots          task slots of the local mini-cluster: how many queries (each one slot
 *                       at parallelism 1) run at once
 * @param watermarkDelay how late an event may come and still count in its window
 * @param stateDir       where checkpoints of the persistent queries live; default {@code flink}
 *                       in the instance's state directory ({@code eventshop.kafka.state-dir})
 * @param flink          Flink configuration on top of the service's, in Flink's own keys; with
 *                       {@code execution.target: remote} (and {@code rest.address},
 *                       {@code rest.port}) the queries run on that cluster and no mini-cluster
 *                       starts
 */
@Validated
@ConfigurationProperties("eventshop.sql")
public record SqlSettings(
    @DefaultValue("8")
    @Min(value = 1, message = "eventshop.sql.slots must be between 1 and 64")
    @Max(value = 64, message = "eventshop.sql.slots must be between 1 and 64") int slots,
    @DefaultValue("1s") @NotNull(message = WATERMARK)
    @DurationMin(millis = 0, message = WATERMARK)
    @DurationMax(hours = 24, message = WATERMARK) Duration watermarkDelay,
    Path stateDir,
    @DefaultValue Map<String, String> flink) {

  static final String WATERMARK = "eventshop.sql.watermark-delay must be between 0 and 24h";

  /** Whether queries go to an existing cluster rather than the local mini-cluster. */
  public boolean remote() {
    return "remote".equals(flink.get("execution.target"));
  }
}
