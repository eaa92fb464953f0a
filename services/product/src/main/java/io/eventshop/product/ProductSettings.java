package io.eventshop.product;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The product service's own settings ({@code eventshop.product.*}); the shared ones are
 * {@code eventshop.*} (platform).
 *
 * @param writeTimeout how long a POST/PUT waits for the broker to acknowledge the write before
 *                     answering 503
 */
@Validated
@ConfigurationProperties("eventshop.product")
public record ProductSettings(
    @DefaultValue("10s") @NotNull(message = WRITE_TIMEOUT)
    @DurationMin(millis = 100, message = WRITE_TIMEOUT) Duration writeTimeout) {

  static final String WRITE_TIMEOUT = "eventshop.product.write-timeout must be at least 100ms";
}
