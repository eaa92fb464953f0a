package io.eventshop.launcher.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/** Reads every topic of a cluster back with the settings that make it an event or state stream. */
public final class TopicReader {

  /** One topic as the broker holds it. */
  public record TopicRow(String name, int partitions, int replication, String cleanupPolicy,
                         String retentionMs, String retentionBytes, String minInsyncReplicas) {
  }

  private final Admin admin;

  public TopicReader(Admin admin) {
    this.admin = admin;
  }

  /** Every topic but Kafka's internal ones, by name. */
  public List<TopicRow> read() throws ExecutionException, InterruptedException {
    Set<String> names = admin.listTopics().names().get();
    Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
    Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
        .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
    return descriptions.values().stream()
        .map(d -> {
          Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name()));
          return new TopicRow(d.name(), d.partitions().size(),
              d.partitions().get(0).replicas().size(),
              value(config, "cleanup.policy"), value(config, "retention.ms"),
              value(config, "retention.bytes"), value(config, "min.insync.replicas"));
        })
        .sorted(Comparator.comparing(TopicRow::name))
        .toList();
  }

  private static String value(Config config, String name) {
    ConfigEntry entry = config.get(name);
    return entry == null ? "-" : entry.value();
  }
}
