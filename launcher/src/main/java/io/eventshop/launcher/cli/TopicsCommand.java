package io.eventshop.launcher.cli;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.kafka.TopicReader;
import io.eventshop.launcher.run.RunFile;
import io.eventshop.launcher.run.Table;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eventshop topics}: every topic read back from the broker, with its retention. */
@Command(name = "topics", mixinStandardHelpOptions = true,
    description = "List every topic with partitions, replication, cleanup and retention.")
public final class TopicsCommand implements Callable<Integer> {

  private static final int TIMEOUT_MS = 10_000;

  @Mixin
  private RunDirectory directory;

  @Option(names = "--kafka", paramLabel = "HOST:PORT[,...]",
      description = "The cluster (default: the run of --data-dir, then KAFKA_BOOTSTRAP_SERVERS,"
          + " then " + ComponentKind.HOST + ":" + ComponentCatalogue.KAFKA_PORT + ").")
  private String kafka;

  @Option(names = "--kafka-properties", paramLabel = "FILE",
      description = "Kafka client properties (SASL/SSL).")
  private Path kafkaProperties;

  @Override
  public Integer call() throws InterruptedException {
    KafkaConnection connection = KafkaTarget.resolve(kafka, kafkaProperties,
        new RunFile(directory.dataDir()).read(), System.getenv());
    Table table = new Table("TOPIC", "PARTITIONS", "REPLICATION", "CLEANUP.POLICY",
        "RETENTION.MS", "RETENTION.BYTES", "MIN.INSYNC.REPLICAS", "CATALOGUE");
    try (Admin admin = connection.admin(TIMEOUT_MS)) {
      for (TopicReader.TopicRow t : new TopicReader(admin).read()) {
        table.row(t.name(), t.partitions(), t.replication(), t.cleanupPolicy(), t.retentionMs(),
            t.retentionBytes(), t.minInsyncReplicas(), catalogueKind(t.name()));
      }
    } catch (ExecutionException e) {
      throw new LauncherException("cannot read the topics of " + connection.bootstrapServers()
          + ": " + e.getCause().getMessage(), LauncherException.FAILED);
    }
    table.lines().forEach(System.out::println);
    return 0;
  }

  private static String catalogueKind(String topic) {
    return Topics.byName(topic).map(TopicSpec::kind)
        .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .orElse("-");
  }
}
