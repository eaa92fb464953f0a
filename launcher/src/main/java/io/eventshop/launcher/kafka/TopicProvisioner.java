package io.eventshop.launcher.kafka;

import io.eventshop.contracts.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes the cluster's topics match the catalogue, idempotently: creates missing topics, sets the
 * configs that differ, adds partitions when the catalogue has more. It never deletes a topic and
 * never lowers a partition count (Kafka cannot, and keys would move): that is reported as a
 * warning. Replication and {@code min.insync.replicas} are capped to the cluster's broker count.
 */
public final class TopicProvisioner {

  private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(60);
  private static final long VISIBLE_POLL_MILLIS = 100;

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /** Brings every topic in {@code catalogue} in line and says what it did. */
  public ProvisioningReport provision(Collection<TopicSpec> catalogue)
      throws ExecutionException, InterruptedException {
    int brokers = admin.describeCluster().nodes().get().size();
    Set<String> existing = admin.listTopics().names().get();
    List<TopicSpec> missing = catalogue.stream().filter(t -> !existing.contains(t.name())).toList();

    Set<String> alreadyThere = create(missing, brokers);
    List<TopicSpec> created = missing.stream()
        .filter(t -> !alreadyThere.contains(t.name())).toList();
    List<TopicSpec> present = catalogue.stream().filter(t -> !created.contains(t)).toList();
    awaitVisible(created);

    List<String> warnings = new ArrayList<>();
    Set<String> updated = new TreeSet<>();
    updated.addAll(alterConfigs(present, brokers));
    updated.addAll(addPartitions(present, warnings));
    return new ProvisioningReport(created.stream().map(TopicSpec::name).toList(),
        List.copyOf(updated), present.size() - updated.size(), List.copyOf(warnings));
  }

  /**
   * Creates the topics; returns those that turned out to exist already (created meanwhile by
   * someone else, or not yet in the metadata the listing came from).
   */
  private Set<String> create(List<TopicSpec> missing, int brokers)
      throws ExecutionException, InterruptedException {
    Set<String> alreadyThere = new TreeSet<>();
    if (missing.isEmpty()) {
      return alreadyThere;
    }
    List<NewTopic> topics = missing.stream()
        .map(t -> new NewTopic(t.name(), t.partitions(), t.replicationFactorFor(brokers))
            .configs(t.configs(brokers)))
        .toList();
    for (Map.Entry<String, KafkaFuture<Void>> result :
        admin.createTopics(topics).values().entrySet()) {
      try {
        result.getValue().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
        alreadyThere.add(result.getKey());
      }
    }
    return alreadyThere;
  }

  /**
   * Waits until the new topics can be described with a leader for every partition: creation
   * returns when the controller has them, the broker's metadata follows a moment later, and the
   * services that start next should not meet an unknown topic.
   */
  private void awaitVisible(List<TopicSpec> created)
      throws ExecutionException, InterruptedException {
    if (created.isEmpty()) {
      return;
    }
    List<String> names = created.stream().map(TopicSpec::name).toList();
    long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
    while (!allLeadersKnown(names)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("created topics not visible after "
            + VISIBLE_TIMEOUT.toSeconds() + " s: " + names);
      }
      Thread.sleep(VISIBLE_POLL_MILLIS);
    }
  }

  private boolean allLeadersKnown(List<String> names)
      throws ExecutionException, InterruptedException {
    try {
      return admin.describeTopics(names).allTopicNames().get().values().stream()
          .flatMap(d -> d.partitions().stream())
          .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  /** Sets every catalogue config whose value on the broker differs; returns the topics touched. */
  private List<String> alterConfigs(List<TopicSpec> present, int brokers)
      throws ExecutionException, InterruptedException {
    if (present.isEmpty()) {
      return List.of();
    }
    List<ConfigResource> resources = present.stream()
        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
    Map<ConfigResource, Config> actual = admin.describeConfigs(resources).all().get();
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
    for (TopicSpec topic : present) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
      Config config = actual.get(resource);
      List<AlterConfigOp> ops = topic.configs(brokers).entrySet().stream()
          .filter(wanted -> !wanted.getValue().equals(valueOf(config, wanted.getKey())))
          .map(wanted -> new AlterConfigOp(new ConfigEntry(wanted.getKey(), wanted.getValue()),
              AlterConfigOp.OpType.SET))
          .toList();
      if (!ops.isEmpty()) {
        changes.put(resource, ops);
      }
    }
    if (!changes.isEmpty()) {
      admin.incrementalAlterConfigs(changes).all().get();
    }
    return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
  }

  private static String valueOf(Config config, String name) {
    ConfigEntry entry = config.get(name);
    return entry == null ? null : entry.value();
  }

  /** Raises partition counts below the catalogue's; returns the topics touched. */
  private List<String> addPartitions(List<TopicSpec> present, List<String> warnings)
      throws ExecutionException, InterruptedException {
    if (present.isEmpty()) {
      return List.of();
    }
    Map<String, TopicDescription> descriptions = admin.describeTopics(
        present.stream().map(TopicSpec::name).toList()).allTopicNames().get();
    Map<String, NewPartitions> increases = new HashMap<>();
    for (TopicSpec topic : present) {
      int actual = descriptions.get(topic.name()).partitions().size();
      if (actual < topic.partitions()) {
        increases.put(topic.name(), NewPartitions.increaseTo(topic.partitions()));
      } else if (actual > topic.partitions()) {
        warnings.add(topic.name() + " has " + actual + " partitions, the catalogue says "
            + topic.partitions() + ": partitions are never removed, left as is");
      }
    }
    if (!increases.isEmpty()) {
      admin.createPartitions(increases).all().get();
    }
    return increases.keySet().stream().sorted().collect(Collectors.toList());
  }
}
