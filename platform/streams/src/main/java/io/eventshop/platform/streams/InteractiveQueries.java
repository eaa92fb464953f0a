package io.eventshop.platform.streams;

import io.eventshop.platform.web.Unavailable;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlySessionStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Interactive queries over the service's Kafka Streams stores: which instance owns a key, and the
 * local stores. A service that runs several instances answers a query for a key it does not own by
 * forwarding it to {@link KeyOwner#baseUrl()}.
 *
 * <p>While stores are not queryable (start-up, rebalance) these methods throw {@link Unavailable},
 * which the REST layer answers with 503.
 */
public class InteractiveQueries {

  private final StreamsApp app;

  public InteractiveQueries(StreamsApp app) {
    this.app = app;
  }

  /**
   * The instance hosting the active copy of {@code key} in {@code store}.
   *
   * @throws Unavailable if Kafka Streams does not know yet (rebalancing)
   */
  public <K> KeyOwner ownerOf(String store, K key, Serializer<K> keySerializer) {
    KeyQueryMetadata metadata = running().queryMetadataForKey(store, key, keySerializer);
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw new Unavailable("the owner of " + key + " in " + store + " is not known yet");
    }
    HostInfo owner = metadata.activeHost();
    return new KeyOwner(owner, owner.equals(app.self()));
  }

  /**
   * The local, read-only view of key-value store {@code store} (active partitions of this
   * instance only). Works for timestamped stores too (values without timestamps).
   *
   * @throws Unavailable if the store is not queryable now
   */
  public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String store) {
    return store(store, QueryableStoreTypes.keyValueStore());
  }

  /**
   * The local, read-only view of window store {@code store} (windowed aggregations), like
   * {@link #keyValueStore}.
   *
   * @throws Unavailable if the store is not queryable now
   */
  public <K, V> ReadOnlyWindowStore<K, V> windowStore(String store) {
    return store(store, QueryableStoreTypes.windowStore());
  }

  /**
   * The local, read-only view of session store {@code store} (session windows), like
   * {@link #keyValueStore}.
   *
   * @throws Unavailable if the store is not queryable now
   */
  public <K, V> ReadOnlySessionStore<K, V> sessionStore(String store) {
    return store(store, QueryableStoreTypes.sessionStore());
  }

  private <T> T store(String store, QueryableStoreType<T> type) {
    try {
      return running().store(StoreQueryParameters.fromNameAndType(store, type));
    } catch (InvalidStateStoreException e) {
      throw new Unavailable("store " + store + " is not queryable now: " + e.getMessage());
    }
  }

  private KafkaStreams running() {
    KafkaStreams.State state = app.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      throw new Unavailable("Kafka Streams is " + state);
    }
    return app.streams();
  }

  /**
   * Where a key lives.
   *
   * @param host  the owning instance ({@code application.server})
   * @param local whether that is this instance
   */
  public record KeyOwner(HostInfo host, boolean local) {

    /** {@code http://host:port} of the owning instance. */
    public String baseUrl() {
      return "http://" + host.host() + ":" + host.port();
    }
  }
}
