package io.eventshop.order.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order service's settings ({@code eventshop.order.*}), with their defaults.
 * The commit interval, the latency knob of the aggregator hop, is the platform's
 * {@code eventshop.kafka.commit-interval}.
 *
 * @param validationTimeout an order without all three verdicts after this long is rejected with
 *                          TIMEOUT
 * @param timeoutCheck      how often the aggregator looks for overdue orders (wall clock)
 * @param defaultWait       {@code waitFor} without {@code timeout} waits this long
 * @param maxWait           the longest {@code timeout} a {@code waitFor} may ask for
 * @param forwardTimeout    how long a request forwarded to the owning instance may take, on top
 *                          of its own wait
 */
@Validated
@ConfigurationProperties("eventshop.order")
public record OrderSettings(
    @DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration validationTimeout,
    @DefaultValue("500ms") @NotNull @DurationMin(millis = 10) Duration timeoutCheck,
    @DefaultValue("5s") @NotNull @DurationMax(minutes = 1) Duration defaultWait,
    @DefaultValue("30s") @NotNull @DurationMax(minutes = 5) Duration maxWait,
    @DefaultValue("5s") @NotNull Duration forwardTimeout) {
}
