package io.eventshop.lake.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * The lake service's settings ({@code eventshop.lake.*}), with their defaults; a bad value stops
 * start-up naming the key.
 *
 * @param warehouse   the Iceberg warehouse the sink writes (Hadoop catalog): the launcher's
 *                    {@code <data dir>/lake}; the one directory queries may read
 * @param rowLimit    the most rows an answer holds; more are cut and the answer says
 *                    {@code truncated}
 * @param timeLimit   how long a query may run before it is cancelled
 * @param memoryLimit DuckDB's memory limit per query ({@code 512MB}); beyond it, it fails
 * @param threads     DuckDB's threads per query
 * @param refineEvery how often the refined tables are rebuilt from the raw zone, the first time
 *                    one period after the start; 0: only on demand
 */
@Validated
@ConfigurationProperties("eventshop.lake")
public record LakeSettings(
    @NotNull @DefaultValue("data/lake") Path warehouse,
    @Min(1) @Max(100_000) @DefaultValue("10000") int rowLimit,
    @DurationMin(millis = 100) @DurationMax(minutes = 10) @DefaultValue("30s") Duration timeLimit,
    @Pattern(regexp = "\\d+(KB|MB|GB)", message = MEMORY) @DefaultValue("512MB")
    String memoryLimit,
    @Min(1) @Max(64) @DefaultValue("2") int threads,
    @DurationMin(millis = 0) @DefaultValue("15m") Duration refineEvery) {

  static final String MEMORY = "eventshop.lake.memory-limit must be a size such as 512MB or 2GB";
}
