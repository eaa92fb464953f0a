package io.eventshop.registry.api;

import io.eventshop.registry.api.Bodies.CompatibilityAnswer;
import io.eventshop.registry.api.Bodies.CompatibilityLevelAnswer;
import io.eventshop.registry.api.Bodies.CompatibilityUpdate;
import io.eventshop.registry.api.Bodies.ErrorMessage;
import io.eventshop.registry.api.Bodies.RegisteredId;
import io.eventshop.registry.api.Bodies.SchemaString;
import io.eventshop.registry.api.Bodies.SubjectVersion;
import io.eventshop.registry.compatibility.CompatibilityLevel;
import io.eventshop.registry.store.SchemaStore;
import io.eventshop.registry.store.SchemaVersion;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@OpenAPIDefinition(info = @Info(title = "Schema registry API",
    version = "${spring.application.version:development}",
    description = "A Confluent-compatible schema registry for Avro, stored in the compacted"
        + " `_schemas` topic: the shop's serializers register and look up the schema of every"
        + " event they write, so each record carries only a schema id. Kafka clients call it"
        + " directly, not through the gateway. Errors are Confluent's `{error_code, message}`,"
        + " not problem+json, because Confluent's clients switch on `error_code`."))
@ApiResponse(responseCode = "200", description = "Done, answered as Confluent's registry does")
@ApiResponse(responseCode = "500", description = "The store could not read or write `_schemas`",
    content = @Content(mediaType = RegistryController.V1_JSON,
        schema = @Schema(implementation = ErrorMessage.class)))
class RegistryController {

  static final String V1_JSON = "application/vnd.schemaregistry.v1+json";

  private final SchemaStore store;

  RegistryController(SchemaStore store) {
    this.store = store;
  }

  @PostMapping("/subjects/{subject}/versions")
  @Tag(name = "Subjects")
  @Operation(summary = "Register a schema",
      description = "Registers the schema under the subject, or answers the id it already"
          + " has; it must be compatible with the subject's earlier versions as its"
          + " compatibility level says.")
  @ApiResponse(responseCode = "409", description = "Incompatible with an earlier version",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  @ApiResponse(responseCode = "422", description = "Not a valid Avro schema (42201)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  RegisteredId register(@PathVariable String subject, @RequestBody(required = false) String body) {
    return new RegisteredId(store.register(subject, RequestReader.schema(body)));
  }

  @PostMapping("/subjects/{subject}")
  @Tag(name = "Subjects")
  @Operation(summary = "Look up a schema",
      description = "Whether the schema is registered under the subject, and as which"
          + " version and id.")
  @ApiResponse(responseCode = "404", description = "No such subject (40401) or schema (40403)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  @ApiResponse(responseCode = "422", description = "Not a valid Avro schema (42201)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  SubjectVersion lookup(@PathVariable String subject, @RequestBody(required = false) String body,
                        @RequestParam(defaultValue = "false") boolean deleted) {
    return answer(store.lookup(subject, RequestReader.schema(body), deleted));
  }

  @GetMapping("/subjects")
  @Tag(name = "Subjects")
  @Operation(summary = "The subjects",
      description = "Every subject with at least one version (with `deleted`, soft-deleted"
          + " ones too).")
  List<String> subjects(@RequestParam(defaultValue = "false") boolean deleted) {
    return store.subjects(deleted);
  }

  @GetMapping("/subjects/{subject}/versions")
  @Tag(name = "Subjects")
  @Operation(summary = "The versions of a subject",
      description = "The version numbers registered under the subject.")
  @ApiResponse(responseCode = "404", description = "No such subject (40401)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  List<Integer> versions(@PathVariable String subject,
                         @RequestParam(defaultValue = "false") boolean deleted) {
    return store.versions(subject, deleted);
  }

  @GetMapping("/subjects/{subject}/versions/{version}")
  @Tag(name = "Subjects")
  @Operation(summary = "A version of a subject",
      description = "The subject's schema at a version number or `latest`, with its id.")
  @ApiResponse(responseCode = "404", description = "No such subject (40401) or version (40402)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  @ApiResponse(responseCode = "422", description = "Not a version number nor `latest` (42202)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  SubjectVersion version(@PathVariable String subject, @PathVariable String version,
                         @RequestParam(defaultValue = "false") boolean deleted) {
    return answer(store.version(subject, RequestReader.version(version), deleted));
  }

  @GetMapping("/subjects/{subject}/versions/{version}/schema")
  @Tag(name = "Subjects")
  @Operation(summary = "The schema of a version",
      description = "Only the schema text of the subject's version.")
  @ApiResponse(responseCode = "404", description = "No such subject (40401) or version (40402)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  @ApiResponse(responseCode = "422", description = "Not a version number nor `latest` (42202)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  String versionSchema(@PathVariable String subject, @PathVariable String version,
                       @RequestParam(defaultValue = "false") boolean deleted) {
    return store.version(subject, RequestReader.version(version), deleted).schema();
  }

  @GetMapping("/schemas/ids/{id}")
  @Tag(name = "Schemas")
  @Operation(summary = "A schema by id",
      description = "The schema a record's id stands for, as `{schema}`: what a deserializer asks.")
  @ApiResponse(responseCode = "404", description = "No schema has this id (40403)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  SchemaString schemaById(@PathVariable int id) {
    return new SchemaString(store.schemaById(id));
  }

  @GetMapping("/schemas/ids/{id}/schema")
  @Tag(name = "Schemas")
  @Operation(summary = "The schema text by id",
      description = "Only the schema text of an id.")
  @ApiResponse(responseCode = "404", description = "No schema has this id (40403)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  String rawSchemaById(@PathVariable int id) {
    return store.schemaById(id);
  }

  @GetMapping("/schemas/types")
  @Tag(name = "Schemas")
  @Operation(summary = "The schema types",
      description = "The schema formats this registry takes: Avro only.")
  List<String> schemaTypes() {
    return List.of("AVRO");
  }

  @DeleteMapping("/subjects/{subject}")
  @Tag(name = "Subjects")
  @Operation(summary = "Delete a subject",
      description = "Soft-deletes every version of the subject (with `permanent`, removes a"
          + " soft-deleted subject for good); answers the versions deleted.")
  @ApiResponse(responseCode = "404", description = "No such subject, or not soft-deleted"
      + " before a permanent delete (40401, 40404, 40405)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  List<Integer> deleteSubject(@PathVariable String subject,
                              @RequestParam(defaultValue = "false") boolean permanent) {
    return store.deleteSubject(subject, permanent);
  }

  @DeleteMapping("/subjects/{subject}/versions/{version}")
  @Tag(name = "Subjects")
  @Operation(summary = "Delete a version",
      description = "Soft-deletes one version (with `permanent`, removes a soft-deleted one"
          + " for good); answers its number.")
  @ApiResponse(responseCode = "404", description = "No such subject (40401) or version (40402)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  @ApiResponse(responseCode = "422", description = "Not a version number nor `latest` (42202)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  int deleteVersion(@PathVariable String subject, @PathVariable String version,
                    @RequestParam(defaultValue = "false") boolean permanent) {
    return store.deleteVersion(subject, RequestReader.version(version), permanent);
  }

  @PostMapping("/compatibility/subjects/{subject}/versions/{version}")
  @Tag(name = "Compatibility")
  @Operation(summary = "Check against a version",
      description = "Whether the schema is compatible with one version of the"
          + " subject; with `verbose`, why not.")
  @ApiResponse(responseCode = "404", description = "No such subject (40401) or version (40402)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  @ApiResponse(responseCode = "422", description = "Not a valid Avro schema (42201) or"
      + " version (42202)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  CompatibilityAnswer checkAgainstVersion(@PathVariable String subject,
                                          @PathVariable String version,
                                          @RequestBody(required = false) String body,
                                          @RequestParam(defaultValue = "false") boolean verbose) {
    return compatibility(store.compatibilityProblems(subject, RequestReader.version(version),
        RequestReader.schema(body)), verbose);
  }

  @PostMapping("/compatibility/subjects/{subject}/versions")
  @Tag(name = "Compatibility")
  @Operation(summary = "Check against the subject",
      description = "Whether the schema could be registered under the subject as"
          + " its compatibility level says; with `verbose`, why not.")
  @ApiResponse(responseCode = "422", description = "Not a valid Avro schema (42201)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  CompatibilityAnswer checkAgainstAll(@PathVariable String subject,
                                      @RequestBody(required = false) String body,
                                      @RequestParam(defaultValue = "false") boolean verbose) {
    return compatibility(store.compatibilityProblems(subject, null, RequestReader.schema(body)),
        verbose);
  }

  @GetMapping("/config")
  @Tag(name = "Compatibility")
  @Operation(summary = "The global compatibility level",
      description = "The level subjects without their own follow.")
  CompatibilityLevelAnswer globalLevel() {
    return new CompatibilityLevelAnswer(store.globalLevel().name());
  }

  @PutMapping("/config")
  @Tag(name = "Compatibility")
  @Operation(summary = "Set the global compatibility level",
      description = "Sets the level subjects without their own follow.")
  @ApiResponse(responseCode = "422", description = "Not a compatibility level (42203)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  CompatibilityUpdate setGlobalLevel(@RequestBody(required = false) String body) {
    return new CompatibilityUpdate(store.setLevel(null, RequestReader.level(body)).name());
  }

  @GetMapping("/config/{subject}")
  @Tag(name = "Compatibility")
  @Operation(summary = "A subject's compatibility level",
      description = "The subject's own level (with `defaultToGlobal`, the global one when it"
          + " has none).")
  @ApiResponse(responseCode = "404", description = "The subject has no level of its own (40408)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  CompatibilityLevelAnswer subjectLevel(@PathVariable String subject,
                                        @RequestParam(defaultValue = "false")
                                        boolean defaultToGlobal) {
    CompatibilityLevel level = defaultToGlobal ? store.level(subject)
        : store.subjectLevel(subject);
    return new CompatibilityLevelAnswer(level.name());
  }

  @PutMapping("/config/{subject}")
  @Tag(name = "Compatibility")
  @Operation(summary = "Set a subject's compatibility level",
      description = "Sets the subject's own level.")
  @ApiResponse(responseCode = "422", description = "Not a compatibility level (42203)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
  CompatibilityUpdate setSubjectLevel(@PathVariable String subject,
                                      @RequestBody(required = false) String body) {
    return new CompatibilityUpdate(store.setLevel(subject, RequestReader.level(body)).name());
  }

  @DeleteMapping("/config/{subject}")
  @Tag(name = "Compatibility")
  @Operation(summary = "Drop a subject's compatibility level",
      description = "The subject follows the global level again; answers the level it had.")
  @ApiResponse(responseCode = "404", description = "The subject has no level of its own (40408)",
      content = @Content(mediaType = V1_JSON,
          schema = @Schema(implementation = ErrorMessage.class)))
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
