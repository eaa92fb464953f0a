package io.eventshop.platform.streams;

import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code kafkaStreams} component of {@code /actuator/health}, with the state as detail.
 *
 * <ul>
 *   <li>{@code RUNNING}: UP.</li>
 *   <li>{@code REBALANCING} after the application has been {@code RUNNING}: UP. Rebalances are
 *       normal and short (an instance joins or leaves); taking every instance out of service
 *       during each of them would make the whole service flap. Queries that hit a store in
 *       migration answer 503 on their own.</li>
 *   <li>{@code CREATED}, or {@code REBALANCING} before the first {@code RUNNING}: DOWN — the
 *       stores are still being restored, so the service is not ready yet.</li>
 *   <li>{@code PENDING_SHUTDOWN}, {@code NOT_RUNNING}, {@code PENDING_ERROR}, {@code ERROR}: DOWN.</li>
 * </ul>
 */
public class KafkaStreamsHealthIndicator implements HealthIndicator {

  private final StreamsApp app;

  public KafkaStreamsHealthIndicator(StreamsApp app) {
    this.app = app;
  }

  @Override
  public Health health() {
    State state = app.state();
    boolean up = state == State.RUNNING
        || (state == State.REBALANCING && app.hasBeenRunning());
    Health.Builder health = up ? Health.up() : Health.down();
    return health.withDetail("state", state.name()).build();
  }
}
