package io.eventshop.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.registry.RunningRegistry.Answer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistryApiIT {

  private static RunningRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = RunningRegistry.start(RunningRegistry.newTopic());
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  /** A record schema of its own name with an id field and {@code extraFields}. */
  static String schema(String name, String... extraFields) {
    StringBuilder fields = new StringBuilder("{\"name\":\"id\",\"type\":\"string\"}");
    for (String field : extraFields) {
      fields.append(',').append(field);
    }
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"io.eventshop.test\","
        + "\"fields\":[" + fields + "]}";
  }

  static final String OPTIONAL_EMAIL =
      "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}";
  static final String REQUIRED_AGE = "{\"name\":\"age\",\"type\":\"int\"}";

  @Test
  void registeringTheSameSchemaAgainAnswersTheSameIdAndAddsNoVersion() {
    Answer first = registry.register("again-value", schema("Again"));
    Answer second = registry.register("again-value", schema("Again"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith(RunningRegistry.V1_JSON);
    assertThat(second.json().path("id").asInt()).isEqualTo(first.json().path("id").asInt());
    assertThat(registry.get("/subjects/again-value/versions").body()).isEqualTo("[1]");
    Answer version = registry.get("/subjects/again-value/versions/1");
    assertThat(version.json().path("subject").asText()).isEqualTo("again-value");
    assertThat(version.json().path("version").asInt()).isEqualTo(1);
    assertThat(version.json().path("id").asInt()).isEqualTo(first.json().path("id").asInt());
    assertThat(version.json().path("schema").asText()).isEqualTo(schema("Again"));
    assertThat(registry.get("/subjects")).extracting(Answer::body).asString()
        .contains("\"again-value\"");
  }

  @Test
  void theSameSchemaUnderAnotherSubjectGetsTheSameIdAndAnotherSchemaANewOne() {
    int id = registry.register("shared-a-value", schema("Shared")).json().path("id").asInt();
    // Whitespace and attribute order do not make another schema.
    String reformatted = "{ \"namespace\": \"io.eventshop.test\", \"name\": \"Shared\","
        + " \"type\": \"record\", \"fields\": [ {\"type\": \"string\", \"name\": \"id\"} ] }";

    assertThat(registry.register("shared-b-value", reformatted).json().path("id").asInt())
        .isEqualTo(id);
    assertThat(registry.register("shared-c-value", schema("Other")).json().path("id").asInt())
        .isGreaterThan(id);
  }

  @Test
  void underBackwardAnOptionalFieldIsAcceptedAndARequiredFieldWithoutDefaultIsRefused() {
    int v1 = registry.register("evolving-value", schema("Evolving")).json().path("id").asInt();

    Answer optional = registry.register("evolving-value", schema("Evolving", OPTIONAL_EMAIL));
    Answer required = registry.register("evolving-value",
        schema("Evolving", OPTIONAL_EMAIL, REQUIRED_AGE));

    assertThat(optional.status()).isEqualTo(200);
    assertThat(optional.json().path("id").asInt()).isNotEqualTo(v1);
    assertThat(required.status()).isEqualTo(409);
    assertThat(required.errorCode()).isEqualTo(409);
    assertThat(required.json().path("message").asText()).contains("age");
    assertThat(registry.get("/subjects/evolving-value/versions").body()).isEqualTo("[1,2]");
  }

  @Test
  void theCompatibilityEndpointAnswersWithoutRegistering() {
    registry.register("checked-value", schema("Checked"));
    String path = "/compatibility/subjects/checked-value/versions/latest";

    assertThat(registry.post(path, RunningRegistry.schemaBody(schema("Checked", OPTIONAL_EMAIL)))
        .json().path("is_compatible").asBoolean()).isTrue();
    Answer refused = registry.post(path + "?verbose=true",
        RunningRegistry.schemaBody(schema("Checked", REQUIRED_AGE)));
    assertThat(refused.json().path("is_compatible").asBoolean()).isFalse();
    assertThat(refused.json().path("messages").toString()).contains("age");
    assertThat(registry.post("/compatibility/subjects/checked-value/versions/1",
        RunningRegistry.schemaBody(schema("Checked", REQUIRED_AGE))).json()
        .path("is_compatible").asBoolean()).isFalse();
    assertThat(registry.get("/subjects/checked-value/versions").body()).isEqualTo("[1]");
    assertThat(registry.post("/compatibility/subjects/unknown-value/versions/latest",
        RunningRegistry.schemaBody(schema("Checked"))).errorCode()).isEqualTo(40401);
    assertThat(registry.post("/compatibility/subjects/checked-value/versions/7",
        RunningRegistry.schemaBody(schema("Checked"))).errorCode()).isEqualTo(40402);
  }

  @Test
  void compatibilityIsConfiguredGloballyAndPerSubject() {
    registry.register("relaxed-value", schema("Relaxed"));
    assertThat(registry.get("/config").json().path("compatibilityLevel").asText())
        .isEqualTo("BACKWARD");
    assertThat(registry.get("/config/relaxed-value").errorCode()).isEqualTo(40408);
    assertThat(registry.get("/config/relaxed-value?defaultToGlobal=true").json()
        .path("compatibilityLevel").asText()).isEqualTo("BACKWARD");

    Answer set = registry.put("/config/relaxed-value", "{\"compatibility\":\"NONE\"}");

    assertThat(set.json().path("compatibility").asText()).isEqualTo("NONE");
    assertThat(registry.get("/config/relaxed-value").json().path("compatibilityLevel").asText())
        .isEqualTo("NONE");
    assertThat(registry.register("relaxed-value", schema("Relaxed", REQUIRED_AGE)).status())
        .isEqualTo(200);
    assertThat(registry.put("/config/relaxed-value", "{\"compatibility\":\"SIDEWAYS\"}")
        .errorCode()).isEqualTo(42203);
    assertThat(registry.delete("/config/relaxed-value").json().path("compatibilityLevel")
        .asText()).isEqualTo("NONE");
    assertThat(registry.get("/config/relaxed-value").errorCode()).isEqualTo(40408);

    try {
      assertThat(registry.put("/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}").json()
          .path("compatibility").asText()).isEqualTo("FULL_TRANSITIVE");
      assertThat(registry.get("/config").json().path("compatibilityLevel").asText())
          .isEqualTo("FULL_TRANSITIVE");
      registry.register("strict-value", schema("Strict", OPTIONAL_EMAIL));
      // Dropping a field with a default is backward but, transitively full, still fine;
      // adding a required field is neither.
      assertThat(registry.register("strict-value", schema("Strict", REQUIRED_AGE)).status())
          .isEqualTo(409);
    } finally {
      registry.put("/config", "{\"compatibility\":\"BACKWARD\"}");
    }
  }

  @Test
  void softDeleteHidesAVersionAndHardDeleteOnlyFollowsASoftDelete() {
    int v1 = registry.register("deleted-value", schema("Deleted")).json().path("id").asInt();
    registry.register("deleted-value", schema("Deleted", OPTIONAL_EMAIL));

    assertThat(registry.delete("/subjects/deleted-value/versions/1?permanent=true").errorCode())
        .isEqualTo(40407);
    assertThat(registry.delete("/subjects/deleted-value/versions/1").body()).isEqualTo("1");
    assertThat(registry.get("/subjects/deleted-value/versions").body()).isEqualTo("[2]");
    assertThat(registry.get("/subjects/deleted-value/versions?deleted=true").body())
        .isEqualTo("[1,2]");
    assertThat(registry.get("/subjects/deleted-value/versions/1").errorCode()).isEqualTo(40402);
    assertThat(registry.get("/schemas/ids/" + v1).status())
        .as("readers of old records still resolve a soft-deleted schema").isEqualTo(200);
    assertThat(registry.delete("/subjects/deleted-value/versions/1").errorCode())
        .isEqualTo(40406);
    assertThat(registry.delete("/subjects/deleted-value/versions/1?permanent=true").body())
        .isEqualTo("1");
    assertThat(registry.get("/subjects/deleted-value/versions?deleted=true").body())
        .isEqualTo("[2]");
    assertThat(registry.get("/schemas/ids/" + v1).errorCode()).isEqualTo(40403);

    assertThat(registry.delete("/subjects/deleted-value?permanent=true").errorCode())
        .isEqualTo(40405);
    assertThat(registry.delete("/subjects/deleted-value").body()).isEqualTo("[2]");
    assertThat(registry.get("/subjects").body()).doesNotContain("\"deleted-value\"");
    assertThat(registry.get("/subjects?deleted=true").body()).contains("\"deleted-value\"");
    assertThat(registry.delete("/subjects/deleted-value").errorCode()).isEqualTo(40404);
    assertThat(registry.delete("/subjects/deleted-value?permanent=true").body())
        .isEqualTo("[2]");
    assertThat(registry.get("/subjects?deleted=true").body()).doesNotContain("deleted-value");
    assertThat(registry.get("/subjects/deleted-value/versions").errorCode()).isEqualTo(40401);

    int again = registry.register("deleted-value", schema("Deleted")).json().path("id").asInt();
    assertThat(again).as("a hard-deleted id is never handed out again").isGreaterThan(v1)
        .isNotEqualTo(v1 + 1);
  }

  @Test
  void lookingUpASchemaAnswersItsVersionWithoutRegistering() {
    int id = registry.register("looked-up-value", schema("LookedUp")).json().path("id").asInt();

    Answer found = registry.post("/subjects/looked-up-value",
        RunningRegistry.schemaBody(schema("LookedUp")));

    assertThat(found.json().path("id").asInt()).isEqualTo(id);
    assertThat(found.json().path("version").asInt()).isEqualTo(1);
    assertThat(registry.post("/subjects/looked-up-value",
        RunningRegistry.schemaBody(schema("LookedUp", OPTIONAL_EMAIL))).errorCode())
        .isEqualTo(40403);
    assertThat(registry.post("/subjects/never-registered-value",
        RunningRegistry.schemaBody(schema("LookedUp"))).errorCode()).isEqualTo(40401);
  }

  @Test
  void schemasAreServedByIdAlsoAsRawSchemas() {
    int id = registry.register("by-id-value", schema("ById")).json().path("id").asInt();

    assertThat(registry.get("/schemas/ids/" + id).json().path("schema").asText())
        .isEqualTo(schema("ById"));
    assertThat(registry.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(schema("ById"));
    assertThat(registry.get("/subjects/by-id-value/versions/latest/schema").body())
        .isEqualTo(schema("ById"));
  }

  @Test
  void badInputGetsConfluentsErrorCodes() {
    Answer invalid = registry.register("bad-value", "{\"type\":\"recrd\",\"name\":\"X\"}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42201);
    assertThat(registry.post("/subjects/bad-value/versions", "{\"schema\": ").errorCode())
        .isEqualTo(400);
    assertThat(registry.post("/subjects/bad-value/versions", "{}").errorCode()).isEqualTo(42201);
    assertThat(registry.get("/subjects/no-such-subject/versions").errorCode()).isEqualTo(40401);
    assertThat(registry.get("/subjects/no-such-subject/versions/1").status()).isEqualTo(404);
    registry.register("bad-value", schema("Bad"));
    assertThat(registry.get("/subjects/bad-value/versions/9").errorCode()).isEqualTo(40402);
    assertThat(registry.get("/subjects/bad-value/versions/abc").errorCode()).isEqualTo(42202);
    assertThat(registry.get("/subjects/bad-value/versions/0").status()).isEqualTo(422);
    assertThat(registry.get("/schemas/ids/987654").errorCode()).isEqualTo(40403);
    assertThat(registry.get("/schemas/ids/987654").status()).isEqualTo(404);
    assertThat(registry.get("/no/such/path").errorCode()).isEqualTo(404);
    assertThat(registry.delete("/schemas/ids/1").errorCode()).isEqualTo(405);
  }

  @Test
  void reportsHealthMetricsAndItsOpenApiDescription() {
    Answer health = registry.get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    assertThat(registry.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    assertThat(registry.get("/v3/api-docs").body()).contains("/subjects/{subject}/versions");
  }

  @Test
  void plainJsonIsAcceptedAndAnsweredToo() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(registry.url() + "/subjects/plain-value/versions"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(RunningRegistry.schemaBody(schema("Plain"))))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/json");
    assertThat(StreamSupport.stream(registry.get("/subjects").json().spliterator(), false)
        .map(node -> node.asText())).contains("plain-value");
  }
}
