package io.eventshop.connect.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.contracts.TopicSpec;
import io.eventshop.contracts.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The lake's landing file against the catalogue: a business topic added to the catalogue and not
 * to {@code lake-raw.json} would silently never reach the lake.
 */
class LakeRawConnectorTest {

  private static final Map<String, String> VARIABLES = Map.of(
      "schema.registry.url", "http://registry:8081", "kafka.bootstrap.servers", "broker:9092",
      "lake.warehouse", "/data/lake");

  private final Map<String, String> config = ConnectorFile.read(
      Path.of("connectors", "lake-raw.json"), VARIABLES).config();

  LakeRawConnectorTest() throws IOException {
  }

  @Test
  void readsEveryBusinessTopicAndNoOther() {
    assertThat(Arrays.asList(config.get("topics").split(",")))
        .containsExactlyInAnyOrderElementsOf(Topics.business().stream().map(TopicSpec::name)
            .toList());
  }

  @Test
  void landsEachBusinessTopicInARawTableOfItsOwnNamedAfterIt() {
    List<String> tables = Arrays.asList(config.get("iceberg.tables").split(","));

    assertThat(tables).hasSameSizeAs(Topics.business());
    for (TopicSpec topic : Topics.business()) {
      String table = "raw." + topic.name().replace('-', '_');
      assertThat(tables).contains(table);
      assertThat(config).containsEntry("iceberg.table." + table + ".route-regex", topic.name());
    }
  }

  @Test
  void coordinatesOnTheCatalogueControlTopicAndDeadLettersToTheCataloguesTopic() {
    assertThat(config).containsEntry("iceberg.control.topic", Topics.LAKE_CONTROL.name())
        .containsEntry("errors.deadletterqueue.topic.name", Topics.LAKE_DEAD_LETTERS.name())
        .containsEntry("errors.tolerance", "all")
        .containsEntry("iceberg.catalog.warehouse", "/data/lake")
        .containsEntry("iceberg.kafka.bootstrap.servers", "broker:9092");
  }
}
