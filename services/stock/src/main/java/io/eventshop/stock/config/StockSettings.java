package io.eventshop.stock.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stock service's settings ({@code eventshop.stock.*}), with their defaults.
 *
 * @param transactionalId the one {@code transactional.id} of the stock writer: a second instance
 *                        with the same id fences the first (zombie fencing)
 * @param groupId         the consumer group whose committed offsets of {@code orders} say where
 *                        the writer resumes (committed inside each transaction)
 * @param pollTimeout     longest wait for new orders in one poll; a goods receipt wakes the
 *                        writer up at once
 * @param maxPollRecords  the most order events applied in one transaction
 * @param receiptTimeout  how long a receipt request waits for its transaction before 503
 */
@Validated
@ConfigurationProperties("eventshop.stock")
public record StockSettings(
    @DefaultValue("stock-reservations") @NotBlank String transactionalId,
    @DefaultValue("stock-reservations") @NotBlank String groupId,
    @DefaultValue("100ms") @NotNull Duration pollTimeout,
    @DefaultValue("500") @Min(1) @Max(10_000) int maxPollRecords,
    @DefaultValue("10s") @NotNull Duration receiptTimeout) {
}
