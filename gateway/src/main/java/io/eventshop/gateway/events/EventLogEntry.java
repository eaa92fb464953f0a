package io.eventshop.gateway.events;

import java.time.Instant;

/**
 * One record of a business topic as the admin's event log shows it.
 *
 * @param topic     the topic it was read from
 * @param partition its partition
 * @param offset    its offset in the partition
 * @param timestamp the record's timestamp
 * @param key       the key (entity id, plain UTF-8)
 * @param size      the size of the value in bytes (0 for a tombstone)
 * @param value     the decoded value as a JSON-ready tree, or null (tombstone, undecodable)
 * @param error     why the value could not be decoded, or null
 */
public record EventLogEntry(String topic, int partition, long offset, Instant timestamp,
                            String key, int size, Object value, String error) {
}
