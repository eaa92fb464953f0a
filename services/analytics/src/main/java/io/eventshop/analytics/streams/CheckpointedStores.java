package io.eventshop.analytics.streams;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslSessionParams;
import org.apache.kafka.streams.state.DslStoreSuppliers;
import org.apache.kafka.streams.state.DslWindowParams;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.SessionBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Kafka Streams' own RocksDB stores, except that the changelog offset of a window or session
 * store (the DSL's windows and stream-stream joins) is kept by Kafka Streams in a checkpoint file
 * beside the store, as before Kafka 4.3, instead of inside the store.
 *
 * <p>Why: since 4.3 (KIP-1035) a persistent store keeps its changelog offset itself, and a
 * segmented store (every window and session store) keeps it in its segments only
 * ({@code AbstractSegments.commit} and {@code committedOffset} walk the open segments). A store
 * that has no segment (no record yet, as in most tasks of a quiet shop) so loses its offset at
 * every clean close; under exactly-once the next start finds a store without an offset in a
 * task directory that is not empty ({@code ProcessorStateManager.initializeStoreOffsets}), takes
 * the whole task for corrupted, wipes it and rebuilds all its stores from the changelogs. A store
 * that says it does not manage its offsets is wrapped by Kafka Streams in its
 * {@code LegacyCheckpointingStateStore}, which writes the offset to
 * {@code .checkpoint_<store>} at a clean close whatever the store holds, and under exactly-once
 * deletes that file when it opens the store, so a crash is still detected and wiped.
 *
 * <p>The stores are proxies of the built-in ones with every interface of theirs, so the DSL sees
 * the same timestamped or headers-aware store it would have built. Not for
 * {@code EmitStrategy.onWindowClose()}: the DSL finds that time-ordered store by its class, which
 * a proxy hides. Key-value stores keep their offset also when empty: they are the built-in ones as
 * they are.
 */
public final class CheckpointedStores implements DslStoreSuppliers {

  /** For {@code Materialized.withStoreType} and {@code StreamJoined.withDslStoreSuppliers}. */
  public static final CheckpointedStores ROCKS_DB = new CheckpointedStores();

  private static final DslStoreSuppliers BUILT_IN = BuiltInDslStoreSuppliers.ROCKS_DB;

  private CheckpointedStores() {
  }

  @Override
  public KeyValueBytesStoreSupplier keyValueStore(DslKeyValueParams params) {
    return BUILT_IN.keyValueStore(params);
  }

  @Override
  public WindowBytesStoreSupplier windowStore(DslWindowParams params) {
    return suppliesCheckpointed(BUILT_IN.windowStore(params));
  }

  @Override
  public SessionBytesStoreSupplier sessionStore(DslSessionParams params) {
    return suppliesCheckpointed(BUILT_IN.sessionStore(params));
  }

  /** {@code supplier}, whose {@code get()} returns its store {@link #checkpointed}. */
  private static <T> T suppliesCheckpointed(T supplier) {
    return proxyOf(supplier, (proxy, method, args) -> {
      Object result = invoke(supplier, method, args);
      return isCall(method, "get") ? checkpointed((StateStore) result) : result;
    });
  }

  /** {@code store}, saying that it does not manage its changelog offsets. */
  @SuppressWarnings("deprecation") // managesOffsets: the legacy checkpoint file is the point
  private static StateStore checkpointed(StateStore store) {
    return proxyOf(store, (proxy, method, args) ->
        isCall(method, "managesOffsets") ? Boolean.FALSE : invoke(store, method, args));
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxyOf(T target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(),
        interfacesOf(target.getClass()), handler);
  }

  /** Every interface {@code type} and its superclasses declare. */
  private static Class<?>[] interfacesOf(Class<?> type) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      interfaces.addAll(List.of(current.getInterfaces()));
    }
    return interfaces.toArray(Class<?>[]::new);
  }

  private static boolean isCall(Method method, String name) {
    return method.getName().equals(name) && method.getParameterCount() == 0;
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
