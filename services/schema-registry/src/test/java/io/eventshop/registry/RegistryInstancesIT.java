package io.eventshop.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.registry.RunningRegistry.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Registries sharing a storage topic: one after the other, and side by side. */
class RegistryInstancesIT {

  private static final String OPTIONAL_EMAIL = RegistryApiIT.OPTIONAL_EMAIL;

  @Test
  void aRestartedRegistryKeepsIdsVersionsConfigAndDeletionsAndNeverReusesAnId() {
    String topic = RunningRegistry.newTopic();
    int kept;
    int evolved;
    int hardDeleted;
    try (RunningRegistry first = RunningRegistry.start(topic)) {
      kept = id(first.register("kept-value", RegistryApiIT.schema("Kept")));
      evolved = id(first.register("kept-value",
          RegistryApiIT.schema("Kept", OPTIONAL_EMAIL)));
      hardDeleted = id(first.register("gone-value", RegistryApiIT.schema("Gone")));
      first.put("/config/kept-value", "{\"compatibility\":\"FULL\"}");
      first.delete("/subjects/kept-value/versions/1");
      first.delete("/subjects/gone-value");
      first.delete("/subjects/gone-value?permanent=true");
    }

    try (RunningRegistry second = RunningRegistry.start(topic)) {
      assertThat(second.get("/subjects").body()).isEqualTo("[\"kept-value\"]");
      assertThat(second.get("/subjects/kept-value/versions").body()).isEqualTo("[2]");
      assertThat(second.get("/subjects/kept-value/versions?deleted=true").body())
          .isEqualTo("[1,2]");
      assertThat(id(second.get("/subjects/kept-value/versions/2"))).isEqualTo(evolved);
      assertThat(second.get("/schemas/ids/" + kept).json().path("schema").asText())
          .isEqualTo(RegistryApiIT.schema("Kept"));
      assertThat(second.get("/config/kept-value").json().path("compatibilityLevel").asText())
          .isEqualTo("FULL");
      assertThat(second.get("/schemas/ids/" + hardDeleted).errorCode()).isEqualTo(40403);

      assertThat(id(second.register("kept-value", RegistryApiIT.schema("Kept", OPTIONAL_EMAIL))))
          .as("registering again after a restart").isEqualTo(evolved);
      int next = id(second.register("new-value", RegistryApiIT.schema("New")));
      assertThat(next).as("the id of the hard-deleted schema is not handed out again")
          .isGreaterThan(hardDeleted);
    }
  }

  @Test
  void twoRegistriesRacingToRegisterNeverGiveOneIdToDifferentSchemas() throws Exception {
    String topic = RunningRegistry.newTopic();
    try (RunningRegistry left = RunningRegistry.start(topic);
         RunningRegistry right = RunningRegistry.start(topic)) {
      List<RunningRegistry> registries = List.of(left, right);
      ExecutorService threads = Executors.newFixedThreadPool(6);
      List<Future<Map<String, Integer>>> results = new ArrayList<>();
      for (int thread = 0; thread < 6; thread++) {
        RunningRegistry registry = registries.get(thread % 2);
        int writer = thread;
        results.add(threads.submit((Callable<Map<String, Integer>>) () -> {
          Map<String, Integer> ids = new HashMap<>();
          for (int i = 0; i < 6; i++) {
            // Each thread registers its own schemas, and one schema every thread shares.
            String own = RegistryApiIT.schema("Racer" + writer + "x" + i);
            ids.put(own, id(registry.register("race-" + writer + "-" + i + "-value", own)));
          }
          String shared = RegistryApiIT.schema("Everybody");
          ids.put(shared, id(registry.register("race-shared-" + writer + "-value", shared)));
          return ids;
        }));
      }
      Map<String, Integer> idsBySchema = new HashMap<>();
      threads.shutdown();
      assertThat(threads.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
      for (Future<Map<String, Integer>> result : results) {
        result.get().forEach((schema, id) -> {
          Integer earlier = idsBySchema.putIfAbsent(schema, id);
          assertThat(earlier == null || earlier.equals(id))
              .as("one schema, one id: %s", schema).isTrue();
        });
      }

      assertThat(idsBySchema).hasSize(6 * 6 + 1);
      assertThat(new HashSet<>(idsBySchema.values())).as("different schemas, different ids")
          .hasSize(idsBySchema.size());
      for (Map.Entry<String, Integer> registered : idsBySchema.entrySet()) {
        for (RunningRegistry registry : registries) {
          JsonNode answer = registry.get("/schemas/ids/" + registered.getValue()).json();
          assertThat(answer.path("schema").asText()).isEqualTo(registered.getKey());
        }
      }
      assertThat(left.get("/subjects").body()).isEqualTo(right.get("/subjects").body());
    }
  }

  private static int id(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json().path("id").asInt();
  }
}
