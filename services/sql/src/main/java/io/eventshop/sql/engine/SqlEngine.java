package io.eventshop.sql.engine;

import io.eventshop.contracts.Topics;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import io.eventshop.contracts.serde.SchemaRegistryException;
import io.eventshop.sql.ksql.KsqlException;
import io.eventshop.sql.ksql.KsqlStatement;
import io.eventshop.sql.ksql.KsqlStatement.Column;
import io.eventshop.sql.ksql.KsqlStatement.CreateAsSelect;
import io.eventshop.sql.ksql.KsqlStatement.CreateSource;
import io.eventshop.sql.ksql.KsqlStatement.SourceKind;
import io.eventshop.sql.ksql.KsqlTranslator;
import io.eventshop.sql.ksql.Query;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.flink.core.execution.JobClient;
import io.eventshop.sql.format.AvroColumns;
import org.apache.flink.table.api.PlanReference;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs translated statements on the one Flink environment: keeps the catalogue of streams,
 * tables and persistent queries (in memory and in {@code sql-catalogue}), creates the topics of
 * persistent queries, resumes those queries from their last checkpoint after a restart.
 */
public final class SqlEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SqlEngine.class);
  private static final String EARLIEST = "__earliest";
  public static final String OFFSET_RESET = "auto.offset.reset";

  /** A stream or table of the catalogue. */
  public record Source(SourceKind kind, String name, String topic, String format,
                       String statement) {
  }

  /** A persistent query: its id, the source it writes, its Flink INSERT and its job. */
  public record PersistentQuery(String id, String sink, String statement, String insert,
                                JobClient job) {
  }

  /** A push query running: its columns and its rows, until closed or its limit. */
  public record PushRows(String queryId, List<String> columnNames, List<String> columnTypes,
                         CloseableIterator<Row> rows, Integer limit) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      rows.close();
    }
  }

  private final FlinkEnvironment flink;
  private final SchemaRegistryClient registry;
  private final Admin admin;
  private final CatalogueStore store;
  private final SourceDdl ddl;
  private final QueryCheckpoints checkpoints;
  private final Map<String, Source> sources = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, PersistentQuery> queries = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, PushRows> pushQueries = new ConcurrentHashMap<>();
  private int nextQuery = 1;

  public SqlEngine(FlinkEnvironment flink, SchemaRegistryClient registry, Admin admin,
                   CatalogueStore store, SourceDdl ddl, Path checkpoints) {
    this.flink = flink;
    this.registry = registry;
    this.admin = admin;
    this.store = store;
    this.ddl = ddl;
    this.checkpoints = new QueryCheckpoints(checkpoints);
  }

  /** A translator for a session with {@code properties} (auto.offset.reset). */
  public KsqlTranslator translator(Map<String, String> properties) {
    boolean earliest = "earliest".equalsIgnoreCase(properties.get(OFFSET_RESET));
    return new KsqlTranslator(name -> {
      Source source = sources.get(key(name));
      return earliest && source != null && source.kind() == SourceKind.STREAM
          ? source.name() + EARLIEST : source != null ? source.name() : name;
    });
  }

  /** Reads the catalogue topic, defines its sources and resumes its persistent queries. */
  public void restore() {
    FlinkEnvironment.onFlinkThread(() -> {
      restoreOnFlinkThread();
      return null;
    });
  }

  private void restoreOnFlinkThread() {
    Map<String, Map<String, Object>> entries = store.load();
    List<Map<String, Object>> toResume = new ArrayList<>();
    for (Map<String, Object> entry : entries.values()) {
      if ("source".equals(entry.get("type"))) {
        for (Object statement : (List<?>) entry.get("ddl")) {
          tables().executeSql(statement.toString());
        }
        Source source = new Source(SourceKind.valueOf((String) entry.get("kind")),
            (String) entry.get("name"), (String) entry.get("topic"),
            (String) entry.get("format"), (String) entry.get("statement"));
        sources.put(key(source.name()), source);
      } else if ("query".equals(entry.get("type"))) {
        toResume.add(entry);
      }
    }
    for (Map<String, Object> entry : toResume) {
      String id = (String) entry.get("id");
      nextQuery = Math.max(nextQuery, number(id) + 1);
      JobClient job = resume(id, planOf(entry));
      queries.put(id, new PersistentQuery(id, (String) entry.get("sink"),
          (String) entry.get("statement"), (String) entry.get("insert"), job));
    }
    log.info("catalogue restored: {} sources, {} persistent queries resumed", sources.size(),
        queries.size());
  }

  /** The plan of a catalogue entry; an entry of a version that kept no plan gets one now. */
  private String planOf(Map<String, Object> entry) {
    if (entry.get("plan") instanceof String plan) {
      return plan;
    }
    Map<String, Object> planned = new LinkedHashMap<>(entry);
    planned.put("plan", compile((String) entry.get("insert")));
    store.put("query/" + entry.get("id"), planned);
    return (String) planned.get("plan");
  }

  /** Runs one statement that is not a push query; its answer in ksqlDB's shape. */
  public Map<String, Object> execute(KsqlStatement statement, Map<String, String> properties) {
    return FlinkEnvironment.onFlinkThread(() -> executeOnFlinkThread(statement, properties));
  }

  private Map<String, Object> executeOnFlinkThread(KsqlStatement statement,
                                                   Map<String, String> properties) {
    try {
      if (statement instanceof CreateSource create) {
        return createSource(create);
      }
      if (statement instanceof CreateAsSelect create) {
        return createAsSelect(create);
      }
      if (statement instanceof KsqlStatement.InsertInto insert) {
        return insertInto(insert);
      }
      if (statement instanceof KsqlStatement.Show show) {
        return show(show, properties);
      }
      if (statement instanceof KsqlStatement.Describe describe) {
        return describe(describe);
      }
      if (statement instanceof KsqlStatement.Drop drop) {
        return drop(drop);
      }
      if (statement instanceof KsqlStatement.Terminate terminate) {
        return terminate(terminate);
      }
      if (statement instanceof KsqlStatement.SetProperty set) {
        properties.put(set.key(), set.value());
        return status(statement, "property " + set.key() + " set to " + set.value());
      }
      if (statement instanceof KsqlStatement.UnsetProperty unset) {
        properties.remove(unset.key());
        return status(statement, "property " + unset.key() + " unset");
      }
      if (statement instanceof KsqlStatement.FlinkSql sql) {
        return flinkSql(sql);
      }
      if (statement instanceof KsqlStatement.Print) {
        throw failed(statement, "PRINT streams records: send it to /query-stream");
      }
      throw failed(statement, "a push query streams its rows: send it to /query-stream");
    } catch (StatementFailed | KsqlException e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(statement, flinkMessage(e));
    }
  }

  /** Starts a push query; the caller reads its rows and closes it. */
  public PushRows push(KsqlStatement.PushQuery push) {
    TableResult result;
    String sql = push.query().flinkSql();
    try {
      result = FlinkEnvironment.onFlinkThread(() -> {
        requireSources(push, push.query());
        return withJobSettings(pushQuerySettings(), () -> tables().executeSql(sql));
      });
    } catch (StatementFailed e) {
      throw e;
    } catch (RuntimeException e) {
      throw failed(push, flinkMessage(e));
    }
    ResolvedSchema schema = result.getResolvedSchema();
    String id = result.getJobClient().map(job -> "transient_" + job.getJobID()).orElse("local");
    PushRows rows = new PushRows(id, schema.getColumnNames(),
        schema.getColumnDataTypes().stream().map(t -> t.getLogicalType().asSummaryString())
            .toList(), result.collect(), push.query().limit());
    pushQueries.put(id, rows);
    return rows;
  }

  /** A push query has ended (its client closed, or its limit was reached). */
  public void ended(PushRows rows) {
    pushQueries.remove(rows.queryId());
    try {
      rows.close();
    } catch (Exception e) {
      log.debug("closing push query {}: {}", rows.queryId(), e.toString());
    }
  }

  private Map<String, Object> createSource(CreateSource create) {
    if (sources.containsKey(key(create.name()))) {
      if (create.ifNotExists()) {
        return status(create, create.kind() + " " + create.name() + " exists already");
      }
      throw failed(create, "a " + kindName(sources.get(key(create.name())).kind()) + " named "
          + create.name() + " exists already");
    }
    List<Column> columns = create.columns();
    if (columns.isEmpty()) {
      columns = columnsFromRegistry(create);
    }
    if (!create.valueFormat().equals("JSON")) {
      // where the records that cannot be read go; the catalogue's business topics have theirs
      createTopic(create, create.topic() + Topics.DEAD_LETTER_SUFFIX, 1);
    }
    List<String> statements = new ArrayList<>();
    try {
      statements.add(ddl.create(create.name(), create.kind(), create.topic(),
          create.valueFormat(), columns, create.timestampColumn(), false));
      if (create.kind() == SourceKind.STREAM) {
        statements.add(ddl.create(create.name() + EARLIEST, create.kind(), create.topic(),
            create.valueFormat(), columns, create.timestampColumn(), true));
      }
    } catch (IllegalArgumentException e) {
      throw failed(create, e.getMessage());
    }
    defineSource(create.kind(), create.name(), create.topic(), create.valueFormat(),
        create.position().text(), statements);
    return status(create, kindName(create.kind()) + " " + create.name() + " created over topic "
        + create.topic());
  }

  private List<Column> columnsFromRegistry(CreateSource create) {
    String subject = create.topic() + "-value";
    Schema schema;
    try {
      schema = registry.latest(subject).schema();
    } catch (SchemaRegistryException e) {
      throw failed(create, "no value schema registered under " + subject
          + ": declare the columns, or write a record first (" + e.getMessage() + ")");
    }
    try {
      return AvroColumns.of(schema);
    } catch (IllegalArgumentException e) {
      throw failed(create, "cannot take the columns from " + subject + ": " + e.getMessage());
    }
  }

  private void defineSource(SourceKind kind, String name, String topic, String format,
                            String statement, List<String> statements) {
    for (String sql : statements) {
      tables().executeSql(sql);
    }
    Source source = new Source(kind, name, topic, format, statement);
    sources.put(key(name), source);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "source");
    entry.put("kind", kind.name());
    entry.put("name", name);
    entry.put("topic", topic);
    entry.put("format", format);
    entry.put("statement", statement);
    entry.put("ddl", statements);
    store.put("source/" + key(name), entry);
    log.info("{} {} defined over topic {}", kind, name, topic);
  }

  private Map<String, Object> createAsSelect(CreateAsSelect create) {
    if (sources.containsKey(key(create.name()))) {
      throw failed(create, "a " + kindName(sources.get(key(create.name())).kind()) + " named "
          + create.name() + " exists already");
    }
    Query query = create.query();
    requireSources(create, query);
    ResolvedSchema schema = tables().sqlQuery(query.flinkSql()).getResolvedSchema();
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < schema.getColumnCount(); i++) {
      LogicalType type = schema.getColumnDataTypes().get(i).getLogicalType();
      String name = schema.getColumnNames().get(i);
      String typeName = name.equals(SourceDdl.TIME) ? "TIMESTAMP_LTZ(3)"
          : type.copy(type.isNullable()).asSerializableString();
      // A window's bounds and time are plain timestamps in the output.
      typeName = typeName.replace(" *ROWTIME*", "").replace(" *PROCTIME*", "");
      columns.add(new Column(name, typeName, false));
    }
    List<String> keys = new ArrayList<>();
    for (String group : query.groupBy()) {
      String plain = group.replace("`", "");
      if (schema.getColumnNames().contains(plain)) {
        keys.add(plain);
      } else if (query.updating()) {
        throw failed(create, "the GROUP BY of CREATE TABLE … AS SELECT must name columns of its"
            + " result: " + group + " is not one of " + schema.getColumnNames());
      }
    }
    boolean upsert = query.updating();
    if (upsert && create.kind() == SourceKind.STREAM) {
      throw failed(create, "an aggregate without a window updates its rows: CREATE TABLE … AS "
          + "SELECT, not CREATE STREAM");
    }
    createTopic(create, create.topic(), create.partitions());
    String sink = ddl.sink(create.name(), create.topic(), create.valueFormat(), columns, keys,
        upsert);
    String id = (create.kind() == SourceKind.TABLE ? "CTAS_" : "CSAS_")
        + create.name().toUpperCase(Locale.ROOT) + "_" + nextQuery++;
    defineSource(create.kind(), create.name(), create.topic(), create.valueFormat(),
        create.position().text(), List.of(sink));
    String insert = insert(id, create.name(), query);
    startQuery(id, create.name(), create.position().text(), insert);
    return status(create, kindName(create.kind()) + " " + create.name() + " created; query "
        + id + " writes topic " + create.topic(), id);
  }

  private Map<String, Object> insertInto(KsqlStatement.InsertInto insert) {
    Source target = sources.get(key(insert.target()));
    if (target == null) {
      throw failed(insert, "no stream named " + insert.target() + ": CREATE STREAM it first");
    }
    requireSources(insert, insert.query());
    String id = "INSERTQUERY_" + nextQuery++;
    startQuery(id, target.name(), insert.position().text(), insert(id, target.name(),
        insert.query()));
    return status(insert, "query " + id + " inserts into " + target.name(), id);
  }

  private String insert(String id, String sink, Query query) {
    return "INSERT INTO " + SourceDdl.q(sink) + " /*+ OPTIONS('sink.transactional-id-prefix'='"
        + "eventshop-sql-" + id + "') */ " + query.flinkSql();
  }

  private void startQuery(String id, String sink, String statement, String insert) {
    String plan = compile(insert);
    JobClient job = submit(id, plan, Optional.empty());
    queries.put(id, new PersistentQuery(id, sink, statement, insert, job));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", "query");
    entry.put("id", id);
    entry.put("sink", sink);
    entry.put("statement", statement);
    entry.put("insert", insert);
    entry.put("plan", plan);
    store.put("query/" + id, entry);
    log.info("persistent query {} started, job {}", id, job.getJobID());
  }

  /**
   * The query's compiled plan, kept in the catalogue and run again on every start. Its operators
   * carry the plan's ids as uids, so a checkpoint maps onto the next run's job; planned afresh from
   * the SQL, the same query was seen to come out with other operator ids under load, and Flink
   * then refuses the checkpoint ("Cannot map checkpoint/savepoint state for operator …").
   */
  private String compile(String insert) {
    return tables().compilePlanSql(insert).asJsonString();
  }

  /** Submits a persistent query's job, from {@code checkpoint} if there is one. */
  private JobClient submit(String id, String plan, Optional<Path> checkpoint) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("execution.checkpointing.dir", checkpoints.directoryOf(id).toUri().toString());
    settings.put("pipeline.name", id);
    checkpoint.ifPresent(path -> {
      settings.put("execution.state-recovery.path", path.toUri().toString());
      log.info("query {} resumes from {}", id, path);
    });
    return withJobSettings(settings, () -> tables().loadPlan(PlanReference.fromJsonString(plan))
        .execute().getJobClient().orElseThrow());
  }

  /**
   * A push query has nothing to resume: its checkpoints go to a directory of their own and are
   * deleted when it ends. (It cannot run without checkpoints: Flink refuses an interval of 0 once
   * the environment has one. Its rows therefore wait for the next checkpoint, up to 2 s.)
   */
  private Map<String, String> pushQuerySettings() {
    return Map.of("execution.checkpointing.dir", checkpoints.pushQueryDirectory().toUri().toString(),
        "execution.checkpointing.externalized-checkpoint-retention", "DELETE_ON_CANCELLATION");
  }

  /**
   * Runs {@code submit} with {@code settings} on top of the environment's, then takes them off
   * again: the table environment is shared, and a setting left behind by one job would apply to
   * the next (a push query once checkpointed into a persistent query's directory, and the next
   * start of that query tried to resume from the push query's checkpoint).
   */
  private <T> T withJobSettings(Map<String, String> settings, java.util.function.Supplier<T> submit) {
    settings.forEach(tables().getConfig()::set);
    try {
      return submit.get();
    } finally {
      settings.keySet().forEach(tables().getConfig().getConfiguration()::removeKey);
    }
  }

  /**
   * Submits persistent query {@code id} from its newest checkpoint. A checkpoint whose files
   * cannot be read (a run stopped while Flink was writing or discarding it) never completed, so
   * its output was never committed: resuming from the one before it duplicates nothing.
   */
  private JobClient resume(String id, String plan) {
    List<Path> candidates = checkpoints.newestFirst(id);
    if (candidates.isEmpty()) {
      return submit(id, plan, Optional.empty());
    }
    RuntimeException unreadable = null;
    for (Path checkpoint : candidates) {
      try {
        return submit(id, plan, Optional.of(checkpoint));
      } catch (RuntimeException e) {
        if (!causedByIo(e)) {
          throw e;
        }
        log.warn("query {} cannot resume from {} ({}); trying the checkpoint before it", id,
            checkpoint, rootCause(e));
        unreadable = e;
      }
    }
    throw new IllegalStateException("query " + id + " cannot resume from any of its checkpoints "
        + candidates + ": " + rootCause(unreadable), unreadable);
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.toString();
  }

  private void createTopic(KsqlStatement statement, String topic, int partitions) {
    try {
      if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
      admin.createTopics(List.of(new NewTopic(topic, partitions,
          (short) Math.min(3, brokers)))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw failed(statement, "could not create topic " + topic + ": " + e.getMessage());
    }
  }

  private Map<String, Object> show(KsqlStatement.Show show, Map<String, String> properties) {
    Map<String, Object> answer = answer("", show);
    switch (show.what()) {
      case STREAMS, TABLES -> {
        SourceKind kind = show.what() == KsqlStatement.Listing.STREAMS ? SourceKind.STREAM
            : SourceKind.TABLE;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Source source : sources.values()) {
          if (source.kind() == kind) {
            rows.add(row("name", source.name(), "topic", source.topic(), "keyFormat", "KAFKA",
                "valueFormat", source.format(), "type", source.kind().name()));
          }
        }
        answer.put("@type", kind == SourceKind.STREAM ? "streams" : "tables");
        answer.put(kind == SourceKind.STREAM ? "streams" : "tables", rows);
      }
      case QUERIES -> {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PersistentQuery query : queries.values()) {
          rows.add(row("id", query.id(), "queryString", query.statement(), "sinks",
              List.of(query.sink()), "state", state(query.job()), "queryType", "PERSISTENT"));
        }
        for (PushRows push : pushQueries.values()) {
          rows.add(row("id", push.queryId(), "queryString", "", "sinks", List.of(), "state",
              "RUNNING", "queryType", "PUSH"));
        }
        answer.put("@type", "queries");
        answer.put("queries", rows);
      }
      case TOPICS -> {
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
          for (var topic : admin.describeTopics(admin.listTopics().names().get(30,
              TimeUnit.SECONDS)).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            rows.add(row("name", topic.name(), "partitions", topic.partitions().size(),
                "replicas", topic.partitions().get(0).replicas().size()));
          }
        } catch (Exception e) {
          throw failed(show, "could not list the topics: " + e.getMessage());
        }
        rows.sort(Comparator.comparing(r -> (String) r.get("name")));
        answer.put("@type", "kafka_topics");
        answer.put("topics", rows);
      }
      case PROPERTIES -> {
        answer.put("@type", "properties");
        answer.put("properties", new LinkedHashMap<>(properties));
      }
    }
    return answer;
  }

  private Map<String, Object> describe(KsqlStatement.Describe describe) {
    Source source = sources.get(key(describe.name()));
    if (source == null) {
      throw failed(describe, "no stream or table named " + describe.name()
          + " (SHOW STREAMS and SHOW TABLES list them)");
    }
    ResolvedSchema schema = tables().from(SourceDdl.q(source.name())).getResolvedSchema();
    List<Map<String, Object>> fields = new ArrayList<>();
    for (var column : schema.getColumns()) {
      fields.add(row("name", column.getName(), "type",
          column.getDataType().getLogicalType().asSummaryString()));
    }
    Map<String, Object> description = row("name", source.name(), "type", source.kind().name(),
        "topic", source.topic(), "keyFormat", "KAFKA", "valueFormat", source.format(),
        "statement", source.statement(), "fields", fields,
        "writeQueries", queries.values().stream().filter(q -> q.sink().equals(source.name()))
            .map(PersistentQuery::id).toList());
    Map<String, Object> answer = answer("sourceDescription", describe);
    answer.put("sourceDescription", description);
    return answer;
  }

  private Map<String, Object> drop(KsqlStatement.Drop drop) {
    Source source = sources.get(key(drop.name()));
    if (source == null) {
      if (drop.ifExists()) {
        return status(drop, "no " + kindName(drop.kind()) + " named " + drop.name());
      }
      throw failed(drop, "no " + kindName(drop.kind()) + " named " + drop.name());
    }
    if (source.kind() != drop.kind()) {
      throw failed(drop, drop.name() + " is a " + kindName(source.kind()) + ": DROP "
          + source.kind() + " " + drop.name());
    }
    List<String> writers = queries.values().stream().filter(q -> q.sink().equals(source.name()))
        .map(PersistentQuery::id).toList();
    if (!writers.isEmpty()) {
      throw failed(drop, "queries write to " + drop.name() + ": TERMINATE " + writers + " first");
    }
    tables().executeSql("DROP TABLE IF EXISTS " + SourceDdl.q(source.name()));
    tables().executeSql("DROP TABLE IF EXISTS " + SourceDdl.q(source.name() + EARLIEST));
    sources.remove(key(drop.name()));
    store.remove("source/" + key(drop.name()));
    if (drop.deleteTopic()) {
      try {
        admin.deleteTopics(List.of(source.topic())).all().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw failed(drop, "dropped, but could not delete topic " + source.topic() + ": "
            + e.getMessage());
      }
    }
    return status(drop, kindName(source.kind()) + " " + source.name() + " dropped"
        + (drop.deleteTopic() ? ", topic " + source.topic() + " deleted" : ""));
  }

  private Map<String, Object> terminate(KsqlStatement.Terminate terminate) {
    PersistentQuery query = queries.get(terminate.queryId());
    if (query == null) {
      PushRows push = pushQueries.get(terminate.queryId());
      if (push != null) {
        ended(push);
        return status(terminate, "push query " + terminate.queryId() + " terminated");
      }
      throw failed(terminate, "no query " + terminate.queryId() + " (SHOW QUERIES lists them)");
    }
    try {
      query.job().cancel().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("cancelling {}: {}", query.id(), e.toString());
    }
    queries.remove(query.id());
    store.remove("query/" + query.id());
    return status(terminate, "query " + query.id() + " terminated");
  }

  private Map<String, Object> flinkSql(KsqlStatement.FlinkSql sql) {
    TableResult result = tables().executeSql(sql.sql());
    List<Map<String, Object>> rows = new ArrayList<>();
    if (result.getJobClient().isEmpty()) {
      try (CloseableIterator<Row> it = result.collect()) {
        while (it.hasNext() && rows.size() < 1000) {
          Row row = it.next();
          Map<String, Object> values = new LinkedHashMap<>();
          List<String> names = result.getResolvedSchema().getColumnNames();
          for (int i = 0; i < row.getArity(); i++) {
            values.put(names.get(i), String.valueOf(row.getField(i)));
          }
          rows.add(values);
        }
      } catch (Exception e) {
        throw failed(sql, flinkMessage(e));
      }
    }
    Map<String, Object> answer = answer("flinkResult", sql);
    answer.put("rows", rows);
    result.getJobClient().ifPresent(job -> answer.put("jobId", job.getJobID().toString()));
    return answer;
  }

  private void requireSources(KsqlStatement statement, Query query) {
    for (String name : query.sources()) {
      if (!sources.containsKey(key(name))) {
        boolean flinkTable = List.of(tables().listTables()).contains(name);
        if (!flinkTable) {
          throw failed(statement, "no stream or table named " + name
              + " (SHOW STREAMS and SHOW TABLES list them)");
        }
      }
    }
  }

  /** Stops every persistent query (their checkpoints stay for the next start). */
  @Override
  public void close() {
    pushQueries.values().forEach(this::ended);
    for (PersistentQuery query : queries()) {
      try {
        query.job().cancel().get(10, TimeUnit.SECONDS);
        // A cancel is acknowledged before the job ends: wait for its end, so that no checkpoint
        // is still being written or discarded when the next run looks for the newest one.
        query.job().getJobExecutionResult().handle((result, failure) -> null)
            .get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("stopping persistent query {}: {}", query.id(), e.toString());
      }
    }
  }

  public List<Source> sources() {
    synchronized (sources) {
      return List.copyOf(sources.values());
    }
  }

  public List<PersistentQuery> queries() {
    synchronized (queries) {
      return List.copyOf(queries.values());
    }
  }

  private TableEnvironment tables() {
    return flink.tables();
  }

  private static String state(JobClient job) {
    try {
      return job.getJobStatus().get(5, TimeUnit.SECONDS).name();
    } catch (Exception e) {
      return "UNKNOWN";
    }
  }

  private static int number(String id) {
    try {
      return Integer.parseInt(id.substring(id.lastIndexOf('_') + 1));
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String kindName(SourceKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static StatementFailed failed(KsqlStatement statement, String message) {
    return new StatementFailed(statement.position().line(), statement.position().column(),
        statement.position().text(), message);
  }

  /** Flink's message without its stack of causes' class names. */
  static String flinkMessage(Throwable e) {
    Throwable root = e;
    StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
      if (root.getMessage() != null && !message.toString().contains(root.getMessage())) {
        message.append(": ").append(root.getMessage());
      }
    }
    return message.toString().replace('\n', ' ').strip();
  }

  private static Map<String, Object> status(KsqlStatement statement, String message) {
    return status(statement, message, null);
  }

  private static Map<String, Object> status(KsqlStatement statement, String message,
                                            String queryId) {
    Map<String, Object> answer = answer("currentStatus", statement);
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("status", "SUCCESS");
    command.put("message", message);
    if (queryId != null) {
      command.put("queryId", queryId);
    }
    answer.put("commandStatus", command);
    return answer;
  }

  private static Map<String, Object> answer(String type, KsqlStatement statement) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("@type", type);
    answer.put("statementText", statement.position().text());
    answer.put("line", statement.position().line());
    return answer;
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }
}
