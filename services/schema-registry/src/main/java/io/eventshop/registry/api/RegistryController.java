package io.eventshop.registry.api;

import io.eventshop.registry.api.Bodies.CompatibilityAnswer;
import io.eventshop.registry.api.Bodies.CompatibilityLevelAnswer;
import io.eventshop.registry.api.Bodies.CompatibilityUpdate;
import io.eventshop.registry.api.Bodies.RegisteredId;
import io.eventshop.registry.api.Bodies.SchemaString;
import io.eventshop.registry.api.Bodies.SubjectVersion;
import io.eventshop.registry.compatibility.CompatibilityLevel;
import io.eventshop.registry.store.SchemaStore;
import io.eventshop.registry.store.SchemaVersion;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confluent Schema Registry's REST API for Avro: subjects and versions, schemas by id,
 * compatibility configuration and checks. Thin: the rules live in {@link SchemaStore}.
 */
@RestController
@RequestMapping(produces = {RegistryController.V1_JSON, "application/vnd.schemaregistry+json",
    "application/json"})
class RegistryController {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

  private final SchemaStore store;

  RegistryController(SchemaStore store) {
    this.store = store;
  }

  @PostMapping("/subjects/{subject}/versions")
  RegisteredId register(@PathVariable String subject, @RequestBody(required = false) String body) {
    return new RegisteredId(store.register(subject, RequestReader.schema(body)));
  }

  @PostMapping("/subjects/{subject}")
  SubjectVersion lookup(@PathVariable String subject, @RequestBody(required = false) String body,
                        @RequestParam(defaultValue = "false") boolean deleted) {
    return answer(store.lookup(subject, RequestReader.schema(body), deleted));
  }

  @GetMapping("/subjects")
  List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
    return store.subjects(deleted);
  }

  @GetMapping("/subjects/{subject}/versions")
  List<Integer> versions(@PathVariable String subject,
                         @RequestParam(defaultValue = "false") boolean deleted) {
    return store.versions(subject, deleted);
  }

  @GetMapping("/subjects/{subject}/versions/{version}")
  SubjectVersion version(@PathVariable String subject, @PathVariable String version,
                         @RequestParam(defaultValue = "false") boolean deleted) {
    return answer(store.version(subject, RequestReader.version(version), deleted));
  }

  @GetMapping("/subjects/{subject}/versions/{version}/schema")
  String versionSchema(@PathVariable String subject, @PathVariable String version,
                       @RequestParam(defaultValue = "false") boolean deleted) {
    return store.version(subject, RequestReader.version(version), deleted).schema();
  }

  @GetMapping("/schemas/ids/{id}")
  SchemaString schemaById(@PathVariable int id) {
    return new SchemaString(store.schemaById(id));
  }

  @GetMapping("/schemas/ids/{id}/schema")
  String rawSchemaById(@PathVariable int id) {
    return store.schemaById(id);
  }

  @GetMapping("/schemas/types")
  List<String> schemaTypes() {
    return List.of("AVRO");
  }

  @DeleteMapping("/subjects/{subject}")
  List<Integer> deleteSubject(@PathVariable String subject,
                              @RequestParam(defaultValue = "false") boolean permanent) {
    return store.deleteSubject(subject, permanent);
  }

  @DeleteMapping("/subjects/{subject}/versions/{version}")
  int deleteVersion(@PathVariable String subject, @PathVariable String version,
                    @RequestParam(defaultValue = "false") boolean permanent) {
    return store.deleteVersion(subject, RequestReader.version(version), permanent);
  }

  @PostMapping("/compatibility/subjects/{subject}/versions/{version}")
  CompatibilityAnswer checkAgainstVersion(@PathVariable String subject,
                                          @PathVariable String version,
                                          @RequestBody(required = false) String body,
                                          @RequestParam(defaultValue = "false") boolean verbose) {
    return compatibility(store.compatibilityProblems(subject, RequestReader.version(version),
        RequestReader.schema(body)), verbose);
  }

  @PostMapping("/compatibility/subjects/{subject}/versions")
  CompatibilityAnswer checkAgainstAll(@PathVariable String subject,
                                      @RequestBody(required = false) String body,
                                      @RequestParam(defaultValue = "false") boolean verbose) {
    return compatibility(store.compatibilityProblems(subject, null, RequestReader.schema(body)),
        verbose);
  }

  @GetMapping("/config")
  CompatibilityLevelAnswer globalLevel() {
    return new CompatibilityLevelAnswer(store.globalLevel().name());
  }

  @PutMapping("/config")
  CompatibilityUpdate setGlobalLevel(@RequestBody(required = false) String body) {
    return new CompatibilityUpdate(store.setLevel(null, RequestReader.level(body)).name());
  }

  @GetMapping("/config/{subject}")
  CompatibilityLevelAnswer subjectLevel(@PathVariable String subject,
                                        @RequestParam(defaultValue = "false")
                                        boolean defaultToGlobal) {
    CompatibilityLevel level = defaultToGlobal ? store.level(subject)
        : store.subjectLevel(subject);
    return new CompatibilityLevelAnswer(level.name());
  }

  @PutMapping("/config/{subject}")
  CompatibilityUpdate setSubjectLevel(@PathVariable String subject,
                                      @RequestBody(required = false) String body) {
    return new CompatibilityUpdate(store.setLevel(subject, RequestReader.level(body)).name());
  }

  @DeleteMapping("/config/{subject}")
  CompatibilityLevelAnswer deleteSubjectLevel(@PathVariable String subject) {
    return new CompatibilityLevelAnswer(store.deleteSubjectLevel(subject).name());
  }

  private static SubjectVersion answer(SchemaVersion version) {
    return new SubjectVersion(version.subject(), version.version(), version.id(),
        version.schema());
  }

  private static CompatibilityAnswer compatibility(List<String> problems, boolean verbose) {
    return new CompatibilityAnswer(problems.isEmpty(), verbose ? problems : null);
  }
}
