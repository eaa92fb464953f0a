package io.eventshop.platform;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of a service's REST API, bound from {@code eventshop.http.*}.
 *
 * @param maxRequestBody larger request bodies are refused with 413
 */
@Validated
@ConfigurationProperties("eventshop.http")
public record WebProperties(
    @DefaultValue("64KB") @NotNull(message = "eventshop.http.max-request-body must be set")
    DataSize maxRequestBody) {
}
