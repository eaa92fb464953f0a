package io.eventshop.bench.load;

import java.util.Map;

/**
 * How the wait for the shop's backlog after one phase ended ({@link Backlog}).
 *
 * @param after   the phase, e.g. {@code closed loop C=8}
 * @param seconds how long the wait took
 * @param drained whether every consumer group caught up within the timeout
 * @param lagLeft the groups still behind when the wait ended, with their lag (empty if drained)
 */
public record BacklogDrain(String after, double seconds, boolean drained,
                           Map<String, Long> lagLeft) {
}
