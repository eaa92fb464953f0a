package io.eventshop.bench.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.bench.load.LatencySummary;
import io.eventshop.bench.load.ShopEndpoints;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.analytics.ClickAction;
import io.eventshop.contracts.analytics.ClickEvent;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The data lake under load, against a running shop (Connect's Iceberg sink and the lake service):
 *
 * <ol>
 *   <li><b>Landing</b>: {@code --records} clicks written straight to {@code clickstream} as fast
 *       as the producer goes, then the time until the lake service counts them all in
 *       {@code raw.clickstream}: records/s from the first write to all queryable, and the tail
 *       (last write to all queryable).</li>
 *   <li><b>Lag</b>: one click every {@code --lag-every} ms for {@code --lag-duration} s, each
 *       looked for in {@code raw.clickstream} until found: produce → queryable, p50/p99/max.</li>
 *   <li><b>Aggregate</b>: {@code --rows} order rows generated into the lake table
 *       {@code raw.bench_sales} (DuckDB writes Parquet, one Iceberg append commits it, as the
 *       lake's refiner writes its tables), then revenue by country and day over all of them,
 *       {@code --repeat} times, through the lake service's SQL API. The table is dropped after,
 *       unless {@code --keep}.</li>
 * </ol>
 */
@Command(name = "lake-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Topics -> lake: landing rate and lag; an aggregate over millions of rows.")
public final class LakeBenchmark implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TableIdentifier SALES = TableIdentifier.of("raw", "bench_sales");
  private static final Schema SALES_SCHEMA = new Schema(
      Types.NestedField.optional(1, "order_id", Types.LongType.get()),
      Types.NestedField.optional(2, "country", Types.StringType.get()),
      Types.NestedField.optional(3, "placed_at", Types.TimestampType.withZone()),
      Types.NestedField.optional(4, "units", Types.IntegerType.get()),
      Types.NestedField.optional(5, "revenue", Types.DecimalType.of(12, 2)));
  private static final String AGGREGATE = "SELECT country, CAST(placed_at AS DATE) AS day,"
      + " count(*) AS orders, sum(units) AS units, sum(revenue) AS revenue"
      + " FROM raw.bench_sales GROUP BY ALL ORDER BY country, day";
  private static final Duration LANDS_WITHIN = Duration.ofMinutes(10);

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The data dir of a running `./eventshop up` (its run.json, its lake).")
  private Path dataDir;

  @Option(names = "--lake-url", paramLabel = "URL",
      description = "The lake service (default: the run's).")
  private String lakeUrl;

  @Option(names = "--records", defaultValue = "200000",
      description = "Clicks to land (default ${DEFAULT-VALUE}; 0 skips landing and lag).")
  private int records;

  @Option(names = "--lag-every", defaultValue = "200",
      description = "Milliseconds between two clicks of the lag phase (default ${DEFAULT-VALUE}).")
  private int lagEveryMs;

  @Option(names = "--lag-duration", defaultValue = "30",
      description = "Seconds of the lag phase (default ${DEFAULT-VALUE}).")
  private int lagSeconds;

  @Option(names = "--rows", defaultValue = "10000000",
      description = "Rows to aggregate (default ${DEFAULT-VALUE}; 0 skips the aggregate).")
  private long rows;

  @Option(names = "--repeat", defaultValue = "5",
      description = "Times the aggregate runs (default ${DEFAULT-VALUE}).")
  private int repeat;

  @Option(names = "--keep", description = "Keep raw.bench_sales after the run.")
  private boolean keep;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  public static void main(String[] args) {
    System.exit(new CommandLine(new LakeBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ShopEndpoints shop = ShopEndpoints.fromRunFile(dataDir.toAbsolutePath());
    String lake = lakeUrl != null ? lakeUrl : shop.urls().get("lake");
    if (lake == null) {
      System.err.println("lake-bench: the run has no lake component");
      return 2;
    }
    if (records > 0) {
      if (shop.bootstrapServers() == null) {
        System.err.println("lake-bench: the run has no kafka component");
        return 2;
      }
      try (KafkaProducer<String, byte[]> producer = producer(shop)) {
        AvroSerde<ClickEvent> serde = AvroSerde.forValues(ClickEvent.class,
            SerdeConfig.autoRegistering(shop.registryUrl().orElseThrow()));
        landing(lake, producer, serde);
        lag(lake, producer, serde);
      }
    }
    if (rows > 0) {
      aggregate(lake, dataDir.toAbsolutePath().resolve("lake"));
    }
    return 0;
  }

  private void landing(String lake, KafkaProducer<String, byte[]> producer,
                       AvroSerde<ClickEvent> serde) throws Exception {
    String visitors = "bench-" + run + "-";
    long start = System.nanoTime();
    for (int n = 0; n < records; n++) {
      send(producer, serde, visitors + (n % 10_000));
    }
    producer.flush();
    double written = seconds(start);
    String count = "SELECT count(*) FROM raw.clickstream WHERE visitorId LIKE '" + visitors
        + "%'";
    long landed = 0;
    while (landed < records) {
      if (seconds(start) > LANDS_WITHIN.toSeconds()) {
        throw new IllegalStateException(landed + " of " + records + " clicks in the lake after "
            + LANDS_WITHIN);
      }
      TimeUnit.MILLISECONDS.sleep(250);
      landed = query(lake, count).path("rows").path(0).path(0).asLong(0);
    }
    double queryable = seconds(start);
    System.out.printf("landing: %,d clicks written in %.1f s (%,.0f/s); all queryable in"
        + " raw.clickstream %.1f s after the first write: %,.0f records/s through the sink,"
        + " %.1f s after the last write%n", records, written, records / written, queryable,
        records / queryable, queryable - written);
  }

  /** One click at a time, each looked for until the lake has it. */
  private void lag(String lake, KafkaProducer<String, byte[]> producer,
                   AvroSerde<ClickEvent> serde) throws Exception {
    String visitors = "lag-" + run + "-";
    Map<String, Long> waiting = new HashMap<>();
    Histogram micros = LatencySummary.newHistogram();
    long start = System.nanoTime();
    long next = start;
    int sent = 0;
    long end = start + TimeUnit.SECONDS.toNanos(lagSeconds);
    while (System.nanoTime() < end || !waiting.isEmpty()) {
      if (System.nanoTime() >= next && System.nanoTime() < end) {
        String visitor = visitors + sent++;
        send(producer, serde, visitor);
        producer.flush();
        waiting.put(visitor, System.nanoTime());
        next += TimeUnit.MILLISECONDS.toNanos(lagEveryMs);
      }
      if (seconds(start) > lagSeconds + LANDS_WITHIN.toSeconds()) {
        throw new IllegalStateException(waiting.size() + " lag clicks never queryable");
      }
      long asked = System.nanoTime();
      for (JsonNode row : query(lake, "SELECT DISTINCT visitorId FROM raw.clickstream WHERE"
          + " visitorId LIKE '" + visitors + "%'").path("rows")) {
        Long produced = waiting.remove(row.path(0).asText());
        if (produced != null) {
          micros.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(asked - produced)));
        }
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    LatencySummary lag = LatencySummary.of(micros);
    System.out.printf("lag: %d clicks, produce -> queryable p50 %.0f ms, p99 %.0f ms, max %.0f"
        + " ms%n", lag.count(), lag.p50Ms(), lag.p99Ms(), lag.maxMs());
  }

  private void aggregate(String lake, Path warehouse) throws Exception {
    HadoopCatalog catalog = new HadoopCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("bench", Map.of("warehouse", warehouse.toString()));
    if (catalog.tableExists(SALES)) {
      catalog.dropTable(SALES, true);
    }
    long start = System.nanoTime();
    Table table = catalog.createTable(SALES, SALES_SCHEMA, PartitionSpec.unpartitioned(),
        Map.of(TableProperties.DEFAULT_NAME_MAPPING,
            NameMappingParser.toJson(MappingUtil.create(SALES_SCHEMA))));
    Path file = Path.of(URI.create(table.locationProvider()
        .newDataLocation(UUID.randomUUID() + ".parquet")).getPath());
    Files.createDirectories(file.getParent());
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = duckdb.createStatement()) {
      // 20 countries, a year of days, 1 to 5 units of 1.00 to 100.00; hash spreads them
      statement.execute("COPY (SELECT i AS order_id,"
          + " ['CH','DE','FR','IT','AT','NL','BE','ES','PT','SE','NO','DK','FI','PL','CZ','IE',"
          + "'GB','US','CA','IS'][1 + CAST(hash(i) % 20 AS INTEGER)] AS country,"
          + " to_timestamp(1735689600 + CAST(hash(i + 1) % 31536000 AS BIGINT)) AS placed_at,"
          + " CAST(1 + hash(i + 2) % 5 AS INTEGER) AS units,"
          + " CAST((100 + hash(i + 3) % 9901) / 100 AS DECIMAL(12, 2)) AS revenue"
          + " FROM range(" + rows + ") t(i)) TO '" + file + "' (FORMAT parquet)");
    }
    table.newAppend().appendFile(DataFiles.builder(table.spec()).withPath(file.toString())
        .withFileSizeInBytes(Files.size(file)).withRecordCount(rows)
        .withFormat(FileFormat.PARQUET).build()).commit();
    System.out.printf("aggregate: %,d rows written to raw.bench_sales in %.1f s (%,d MB)%n",
        rows, seconds(start), Files.size(file) >> 20);
    try {
      long counted = query(lake, "SELECT count(*) FROM raw.bench_sales").path("rows").path(0)
          .path(0).asLong();
      if (counted != rows) {
        throw new IllegalStateException("the lake counts " + counted + " rows of " + rows);
      }
      Histogram millis = new Histogram(3);
      long service = Long.MAX_VALUE;
      int groups = 0;
      for (int i = 0; i < repeat; i++) {
        long asked = System.nanoTime();
        JsonNode answer = query(lake, AGGREGATE);
        millis.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime()
            - asked)));
        service = Math.min(service, answer.path("elapsedMs").asLong());
        groups = answer.path("rows").size();
      }
      System.out.printf("aggregate: revenue by country and day over %,d rows (%,d groups),"
          + " %d runs: round trip min %d ms, p50 %d ms, max %d ms; the service's own best %d"
          + " ms%n", rows, groups, repeat, millis.getMinValue(),
          millis.getValueAtPercentile(50), millis.getMaxValue(), service);
    } finally {
      if (!keep) {
        catalog.dropTable(SALES, true);
      }
    }
  }

  private JsonNode query(String lake, String sql) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create(lake + "/api/lake/query")).timeout(Duration.ofMinutes(11))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sql", sql))))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 400 && answer.body().contains("does not exist")) {
      return JSON.createObjectNode(); // no click has landed yet: the table appears with the first
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("the lake answered " + answer.statusCode() + ": "
          + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  private static KafkaProducer<String, byte[]> producer(ShopEndpoints shop) {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
        new StringSerializer(), new ByteArraySerializer());
  }

  private static void send(KafkaProducer<String, byte[]> producer, AvroSerde<ClickEvent> serde,
                           String visitor) {
    ClickEvent click = ClickEvent.newBuilder().setVisitorId(visitor)
        .setAction(ClickAction.PRODUCT_VIEW).setSku("BENCH").setPage("#/shop")
        .setOccurredAt(Instant.now()).build();
    producer.send(new ProducerRecord<>(Topics.CLICKSTREAM.name(), visitor,
        serde.serialize(Topics.CLICKSTREAM.name(), click)));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
