package io.eventshop.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.TopicSpec.CleanupPolicy;
import io.eventshop.contracts.TopicSpec.Kind;
import io.eventshop.launcher.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopicProvisionerIT {

  private final String prefix = "provisioner-" + UUID.randomUUID() + "-";
  private Admin admin;
  private TopicProvisioner provisioner;

  @BeforeEach
  void connect() {
    admin = new KafkaConnection(TestKafka.bootstrapServers(), Optional.empty()).admin(10_000);
    provisioner = new TopicProvisioner(admin);
  }

  @AfterEach
  void close() {
    if (admin != null) {
      admin.close();
    }
  }

  private TopicSpec history(String name, int partitions, long retentionMs) {
    return new TopicSpec(prefix + name, Kind.EVENT_STREAM, "id", "Event", partitions, (short) 3, 2,
        CleanupPolicy.DELETE, retentionMs, TopicSpec.UNLIMITED);
  }

  private TopicSpec state(String name) {
    return new TopicSpec(prefix + name, Kind.STATE_STREAM, "id", "State", 2, (short) 3, 2,
        CleanupPolicy.COMPACT, TopicSpec.FOREVER, TopicSpec.UNLIMITED);
  }

  @Test
  void createsMissingTopicsWithTheCatalogueSettingsCappedToOneBroker() throws Exception {
    TopicSpec events = history("events", 3, 86_400_000L);
    TopicSpec latest = state("latest");

    ProvisioningReport report = provisioner.provision(List.of(events, latest));

    assertThat(report.created()).containsExactly(events.name(), latest.name());
    assertThat(admin.describeTopics(List.of(events.name())).allTopicNames().get()
        .get(events.name()).partitions()).hasSize(3)
        .allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
    assertThat(config(events.name())).containsEntry("cleanup.policy", "delete")
        .containsEntry("retention.ms", "86400000")
        .containsEntry("min.insync.replicas", "1");
    assertThat(config(latest.name())).containsEntry("cleanup.policy", "compact");
  }

  @Test
  void changesNothingOnASecondRun() throws Exception {
    List<TopicSpec> catalogue = List.of(history("events", 3, TopicSpec.FOREVER), state("latest"));
    provisioner.provision(catalogue);

    ProvisioningReport second = provisioner.provision(catalogue);

    assertThat(second.created()).isEmpty();
    assertThat(second.updated()).isEmpty();
    assertThat(second.unchanged()).isEqualTo(2);
    assertThat(second.summary()).isEqualTo("topics: created 0, updated 0, unchanged 2");
  }

  @Test
  void appliesAChangedConfigToAnExistingTopic() throws Exception {
    provisioner.provision(List.of(history("events", 3, 86_400_000L)));

    ProvisioningReport report = provisioner.provision(List.of(history("events", 3, 3_600_000L)));

    assertThat(report.updated()).containsExactly(prefix + "events");
    // the broker applies an altered config from its metadata log, a moment after it answers
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(config(prefix + "events")).containsEntry("retention.ms", "3600000"));
  }

  @Test
  void addsPartitionsButNeverRemovesThem() throws Exception {
    provisioner.provision(List.of(history("events", 2, TopicSpec.FOREVER)));

    ProvisioningReport more = provisioner.provision(List.of(history("events", 4,
        TopicSpec.FOREVER)));
    ProvisioningReport fewer = provisioner.provision(List.of(history("events", 1,
        TopicSpec.FOREVER)));

    assertThat(more.updated()).containsExactly(prefix + "events");
    assertThat(fewer.updated()).isEmpty();
    assertThat(fewer.warnings()).singleElement().asString()
        .contains(prefix + "events has 4 partitions, the catalogue says 1");
    assertThat(admin.describeTopics(List.of(prefix + "events")).allTopicNames().get()
        .get(prefix + "events").partitions()).hasSize(4);
  }

  private Map<String, String> config(String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    return config.entries().stream().collect(Collectors.toMap(
        e -> e.name(), e -> e.value() == null ? "" : e.value()));
  }
}
