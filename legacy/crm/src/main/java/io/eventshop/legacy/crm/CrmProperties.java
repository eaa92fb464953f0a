package io.eventshop.legacy.crm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The CRM's settings ({@code crm.*}); its database is Spring's own {@code spring.datasource.*}.
 *
 * @param pageSize how many customers a list page shows
 */
@Validated
@ConfigurationProperties("crm")
public record CrmProperties(@DefaultValue("50") @Min(1) @Max(500) int pageSize) {
}
