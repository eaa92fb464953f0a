package io.eventshop.bench.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The shop's backlog between two phases: what its consumer groups have not processed yet. A
 * phase that ends with a backlog hands it, and the CPU it takes, to the next phase, which then
 * measures both; so after each phase the benchmark waits until every group has caught up (or a
 * timeout passes, which the report shows).
 *
 * <p>A transaction marker takes an offset too: a group that committed after the last record of a
 * partition and before its marker shows a lag of 1 there for good, so up to one offset per
 * partition counts as caught up. Left out are Kafka Connect's groups (a sink commits its offsets
 * on a timer, the lake's every minute, not as it goes) and groups without members (nobody is
 * there to catch up: a stopped app, a test's leftovers).
 */
final class Backlog implements AutoCloseable {

  private static final long MARKER_ALLOWANCE = 1;
  private static final long CHECK_EVERY_MS = 250;

  private final Admin admin;

  Backlog(String bootstrapServers) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers));
  }

  /** Waits until every group has caught up, or {@code timeout}; prints how it ended. */
  BacklogDrain awaitDrained(String after, Duration timeout, PrintStream out) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    Map<String, Long> lag = lagByGroup();
    while (!lag.isEmpty() && System.nanoTime() < deadline) {
      sleep();
      lag = lagByGroup();
    }
    double seconds = LoadPhases.round((System.nanoTime() - start) / 1e9);
    BacklogDrain drain = new BacklogDrain(after, seconds, lag.isEmpty(), lag);
    if (drain.drained()) {
      out.printf("  backlog after %s drained in %.1f s%n", after, seconds);
    } else {
      out.printf("  backlog after %s NOT drained within %d s, the next phase meets it: %s%n",
          after, timeout.toSeconds(), lag);
    }
    return drain;
  }

  /** Groups that have not caught up, with their lag beyond the marker allowance. */
  private Map<String, Long> lagByGroup() {
    try {
      Map<String, Long> lagging = new TreeMap<>();
      for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
          .get()) {
        if (group.groupId().startsWith("connect-") || !consuming(group)) {
          continue;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin
            .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
        long lag = lagBeyondMarkers(endOffsets(committed.keySet()), committed);
        if (lag > 0) {
          lagging.put(group.groupId(), lag);
        }
      }
      return lagging;
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading the consumer groups' lag failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A group without members (a stopped app, a test's leftovers) has nobody to drain it. */
  private static boolean consuming(GroupListing group) {
    return group.groupState().map(state -> state != GroupState.EMPTY && state != GroupState.DEAD)
        .orElse(true);
  }

  private Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  /**
   * The records a group has still to process: per partition its committed offset's distance to
   * the end, less the one offset a transaction marker may take.
   */
  static long lagBeyondMarkers(Map<TopicPartition, Long> ends,
                               Map<TopicPartition, OffsetAndMetadata> committed) {
    long lag = 0;
    for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
      Long end = ends.get(entry.getKey());
      if (end != null && entry.getValue() != null) {
        lag += Math.max(0, end - entry.getValue().offset() - MARKER_ALLOWANCE);
      }
    }
    return lag;
  }

  private static void sleep() {
    try {
      TimeUnit.MILLISECONDS.sleep(CHECK_EVERY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
