package io.eventshop.platform.kafka;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Read-your-writes for a view that lags its own writes: the writes this instance made (and Kafka
 * acknowledged) that the view it answers from — a Kafka Streams store, a {@link TopicTail} — has
 * not read back yet. A query answers the pending write until the view holds it or something newer
 * ({@link #resolve}); then the pending write is dropped.
 *
 * @param <K> the entity id
 * @param <V> the entity
 */
public final class PendingWrites<K, V> {

  private final Map<K, V> pending = new ConcurrentHashMap<>();
  private final BiPredicate<V, V> caughtUp;

  /**
   * @param caughtUp given what the view read and a pending write, whether the view's value is
   *                 that write or a newer one (e.g. compares update times or versions)
   */
  public PendingWrites(BiPredicate<V, V> caughtUp) {
    this.caughtUp = caughtUp;
  }

  /** Remembers a write; of two writes of one key the newer is kept. */
  public void wrote(K key, V value) {
    pending.merge(key, value,
        (older, newer) -> isNewer(older, newer) ? older : newer);
  }

  /**
   * Remembers a write unless one of {@code key} is pending already (e.g. a retry with the same
   * idempotency key). False if one was.
   */
  public boolean wroteIfAbsent(K key, V value) {
    return pending.putIfAbsent(key, value) == null;
  }

  /** The pending write of {@code key}, if any. */
  public Optional<V> pending(K key) {
    return Optional.ofNullable(pending.get(key));
  }

  /** Forgets the pending write of {@code key}: it failed, or the view now has it. */
  public void forget(K key) {
    pending.remove(key);
  }

  /**
   * What a query should answer for {@code key} given what the view read ({@code null}: nothing):
   * the pending write until the view has caught up with it, then the view's value.
   */
  public V resolve(K key, V read) {
    V written = pending.get(key);
    if (written == null) {
      return read;
    }
    if (read != null && caughtUp.test(read, written)) {
      pending.remove(key, written);
      return read;
    }
    return written;
  }

  /** The keys with a pending write (for listing queries, which must show them too). */
  public Set<K> keys() {
    return Set.copyOf(pending.keySet());
  }

  private boolean isNewer(V a, V b) {
    return caughtUp.test(a, b) && !caughtUp.test(b, a);
  }
}
