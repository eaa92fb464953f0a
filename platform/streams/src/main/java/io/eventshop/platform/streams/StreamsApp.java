package io.eventshop.platform.streams;

import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.platform.EventshopProperties;
import io.eventshop.platform.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * The service's Kafka Streams application: started from the service's {@link Topology} bean with
 * the platform's configuration ({@link StreamsSettings}) once the web server listens (so that
 * {@code application.server} carries the real port), closed on shutdown.
 *
 * <p>Health ({@link KafkaStreamsHealthIndicator}) and interactive queries
 * ({@link InteractiveQueries}) read its state. A fatal error in a stream thread shuts the client
 * down (state {@code ERROR}, health DOWN) rather than silently replacing the thread; only an
 * unreachable schema registry replaces the thread, to read the same records again.
 */
public class StreamsApp implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamsApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Topology topology;
  private final KafkaClients clients;
  private final EventshopProperties properties;
  private final Environment environment;
  private final MeterRegistry meterRegistry;
  private volatile KafkaStreams streams;
  private volatile KafkaStreamsMetrics metrics;
  private volatile HostInfo self;
  private volatile boolean hasBeenRunning;

  public StreamsApp(Topology topology, KafkaClients clients, EventshopProperties properties,
                    Environment environment, MeterRegistry meterRegistry) {
    this.topology = topology;
    this.clients = clients;
    this.properties = properties;
    this.environment = environment;
    this.meterRegistry = meterRegistry;
  }

  @Override
  public synchronized void start() {
    self = new HostInfo(properties.kafka().advertisedHost(), httpPort());
    Properties settings = StreamsSettings.of(clients, properties, self.host() + ":" + self.port());
    settings.put(DeadLetterDeserializationHandler.GLOBAL_TOPICS_CONFIG,
        String.join(",", globalTopicsOf(topology)));
    KafkaStreams started = new KafkaStreams(topology, settings);
    started.setStateListener((now, before) -> {
      if (now == State.RUNNING) {
        hasBeenRunning = true;
      }
      log.info("Kafka Streams {}: {} -> {}", clients.applicationId(), before, now);
    });
    started.setUncaughtExceptionHandler(error -> {
      if (SchemaRegistryException.isTransient(error)) {
        log.error("Kafka Streams {}: schema registry not answering, retrying with a new thread",
            clients.applicationId());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
      log.error("Kafka Streams {} stops after a fatal error", clients.applicationId(), error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    if (meterRegistry != null) {
      metrics = new KafkaStreamsMetrics(started);
      metrics.bindTo(meterRegistry);
    }
    streams = started;
    log.info("starting Kafka Streams {} (state dir {}, application.server {}:{})",
        clients.applicationId(), StreamsSettings.stateDir(properties), self.host(), self.port());
    started.start();
  }

  @Override
  public synchronized void stop() {
    KafkaStreams running = streams;
    if (running == null) {
      return;
    }
    // Leave the group on a clean stop: otherwise the next start of this instance (or the other
    // instances) waits a session timeout for the departed members before tasks are assigned.
    running.close(CloseOptions.timeout(CLOSE_TIMEOUT)
        .withGroupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP));
    if (metrics != null) {
      metrics.close();
    }
    streams = null;
  }

  @Override
  public boolean isRunning() {
    return streams != null;
  }

  /** Starts after the web server (its port is known) and stops before it. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 100;
  }

  /** The state of Kafka Streams; {@code CREATED} before start, {@code NOT_RUNNING} after stop. */
  public State state() {
    KafkaStreams running = streams;
    if (running != null) {
      return running.state();
    }
    return self == null ? State.CREATED : State.NOT_RUNNING;
  }

  /** Whether Kafka Streams has reached {@code RUNNING} at least once since start. */
  public boolean hasBeenRunning() {
    return hasBeenRunning;
  }

  /** This instance as other instances see it ({@code application.server}). */
  public HostInfo self() {
    return self;
  }

  /**
   * The running {@link KafkaStreams}.
   *
   * @throws IllegalStateException before start or after stop
   */
  public KafkaStreams streams() {
    KafkaStreams running = streams;
    if (running == null) {
      throw new IllegalStateException("Kafka Streams is not started");
    }
    return running;
  }

  /** The topics read by the topology's global stores (GlobalKTables). */
  static Set<String> globalTopicsOf(Topology topology) {
    Set<String> topics = new TreeSet<>();
    topology.describe().globalStores().forEach(store -> topics.addAll(store.source().topicSet()));
    return topics;
  }

  private int httpPort() {
    // local.server.port is the real port (also with server.port=0); it is set once the web
    // server has started, which is why this lifecycle starts after it.
    return environment.getProperty("local.server.port", Integer.class,
        environment.getProperty("server.port", Integer.class, 8080));
  }
}
