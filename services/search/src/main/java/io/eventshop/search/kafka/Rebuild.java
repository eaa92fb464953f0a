package io.eventshop.search.kafka;

import java.time.Instant;

/**
 * How far a rebuild of the index from the topics is.
 *
 * @param state         rebuilding, done (the index holds what the topics held when it began) or
 *                      failed (the sink stopped; its log says why)
 * @param startedAt     when it began
 * @param records       records indexed since it began (each a document written or deleted)
 * @param offsetsRead   offsets read of {@code offsetsToRead}, over every partition
 * @param offsetsToRead what the topics held when their partitions were first read
 * @param elapsedMs     from the start to the last batch written when done, else to now
 */
public record Rebuild(State state, Instant startedAt, long records, long offsetsRead,
                      long offsetsToRead, long elapsedMs) {

  /** Where a rebuild is. */
  public enum State { REBUILDING, DONE, FAILED }
}
