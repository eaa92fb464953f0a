package io.eventshop.analytics.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.streams.kstream.EmitStrategy;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.DslSessionParams;
import org.apache.kafka.streams.state.DslWindowParams;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.TimestampedBytesStore;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/** The checkpointed stores are the built-in ones that leave their offsets to Kafka Streams. */
@SuppressWarnings("deprecation") // managesOffsets is what these stores change
class CheckpointedStoresTest {

  private static final DslWindowParams JOIN_WINDOW = new DslWindowParams("a-join-store",
      Duration.ofMinutes(61), Duration.ofMinutes(60), true, EmitStrategy.onWindowUpdate(), false,
      true);

  @Test
  void aWindowStoreIsTheBuiltInOneLeavingItsOffsetsToKafkaStreams() {
    WindowBytesStoreSupplier builtIn = BuiltInDslStoreSuppliers.ROCKS_DB.windowStore(JOIN_WINDOW);
    WindowBytesStoreSupplier supplier = CheckpointedStores.ROCKS_DB.windowStore(JOIN_WINDOW);

    WindowStore<?, ?> store = supplier.get();

    assertThat(store.managesOffsets()).isFalse();
    assertThat(builtIn.get().managesOffsets()).isTrue();
    assertThat(store).isInstanceOf(TimestampedBytesStore.class);
    assertThat(store.name()).isEqualTo("a-join-store");
    assertThat(store.persistent()).isTrue();
    assertThat(supplier.retainDuplicates()).isTrue();
    assertThat(supplier.retentionPeriod()).isEqualTo(builtIn.retentionPeriod());
    assertThat(supplier.windowSize()).isEqualTo(builtIn.windowSize());
  }

  @Test
  void aSessionStoreIsTheBuiltInOneLeavingItsOffsetsToKafkaStreams() {
    SessionStore<?, ?> store = CheckpointedStores.ROCKS_DB.sessionStore(new DslSessionParams(
        "visits", Duration.ofHours(1), EmitStrategy.onWindowUpdate())).get();

    assertThat(store.managesOffsets()).isFalse();
    assertThat(store.persistent()).isTrue();
  }

  @Test
  void aKeyValueStoreIsTheBuiltInOneAsItIs() {
    StateStore store = CheckpointedStores.ROCKS_DB.keyValueStore(
        new DslKeyValueParams("counts", true)).get();

    assertThat(store.managesOffsets()).isTrue();
  }
}
