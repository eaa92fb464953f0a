package io.eventshop.stock.keeping;

import io.eventshop.contracts.TopicSpec;
import org.apache.avro.specific.SpecificRecord;

/** One record the stock writer sends in its current transaction; a {@code null} value is a tombstone. */
public record Outgoing(TopicSpec topic, String key, SpecificRecord value) {
}
