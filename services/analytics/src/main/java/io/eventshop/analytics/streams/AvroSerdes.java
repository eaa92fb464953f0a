package io.eventshop.analytics.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the value serde of a contract class: the platform's {@code ValueSerdes::of} in the
 * service, an in-memory registry's in topology tests.
 */
@FunctionalInterface
public interface AvroSerdes {

  <T extends SpecificRecord> Serde<T> of(Class<T> type);
}
