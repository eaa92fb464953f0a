package io.eventshop.bench.sql;

import io.eventshop.bench.load.LatencySummary;
import io.eventshop.bench.load.ProcessUsage;
import io.eventshop.bench.load.ShopEndpoints;
import io.eventshop.contracts.order.OrderEvent;
import io.eventshop.contracts.order.OrderLine;
import io.eventshop.contracts.order.OrderPlaced;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The sql service under load, against a running shop, on a topic of its own (orders in the shop's
 * {@code OrderEvent} schema, so the shop's services do not see them):
 *
 * <ul>
 *   <li><b>produce → push-query row</b>: a push query {@code SELECT orderId … EMIT CHANGES} is
 *       open while orders are produced at {@code --rate}/s on a fixed schedule; latency is the
 *       row's arrival minus the order's intended send time (no coordinated omission); p50/p99,
 *       and rows missing at the end;</li>
 *   <li><b>persistent query</b>: {@code --records} orders written first, then a
 *       {@code CREATE STREAM … AS SELECT} over them from the earliest offset; records/s from its
 *       creation until a read_committed consumer has read them all from its output topic (which
 *       it writes exactly once, committed at each 2-s checkpoint), and the sql JVM's CPU per
 *       1,000 records.</li>
 * </ul>
 * The query is terminated at the end; the two topics ({@code sql-bench-*}) are left.
 */
@Command(name = "sql-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Orders -> the sql service: push-query row latency, persistent-query records/s"
        + " and CPU.")
public final class SqlBenchmark implements Callable<Integer> {

  private static final Duration DRAIN = Duration.ofSeconds(120);
  private static final Pattern QUERY_ID = Pattern.compile("query (\\S+) writes");

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The data dir of a running `./eventshop up` (its run.json).")
  private Path dataDir;

  @Option(names = "--rate", defaultValue = "200",
      description = "Orders per second of the push-query phase (default ${DEFAULT-VALUE}).")
  private int rate;

  @Option(names = "--duration", defaultValue = "30",
      description = "Seconds of the push-query phase (default ${DEFAULT-VALUE}).")
  private int durationSeconds;

  @Option(names = "--records", defaultValue = "100000",
      description = "Orders the persistent query reads (default ${DEFAULT-VALUE}).")
  private int records;

  @Option(names = "--partitions", defaultValue = "6",
      description = "Partitions of the input and output topics (default ${DEFAULT-VALUE}).")
  private int partitions;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private SqlApi sql;
  private ShopEndpoints shop;
  private AvroSerde<OrderEvent> serde;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SqlBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    shop = ShopEndpoints.fromRunFile(dataDir.toAbsolutePath());
    Long sqlPid = shop.pids().get("sql");
    String sqlUrl = shop.urls().get("sql");
    if (shop.bootstrapServers() == null || sqlPid == null || sqlUrl == null) {
      System.err.println("sql-bench: the run has no kafka or no sql component");
      return 2;
    }
    sql = new SqlApi(sqlUrl);
    serde = AvroSerde.forValues(OrderEvent.class,
        SerdeConfig.autoRegistering(shop.registryUrl().orElseThrow()));
    String input = "sql-bench-orders-" + run;
    String output = "sql-bench-out-" + run;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        shop.bootstrapServers()));
         KafkaProducer<String, byte[]> producer = producer()) {
      admin.createTopics(List.of(new NewTopic(input, partitions, (short) 1))).all().get();
      send(producer, input, "order-schema-" + run).get(); // registers input-value
      sql.ksql("CREATE STREAM bench_" + run + " WITH (kafka_topic='" + input
          + "', value_format='AVRO');", Map.of());

      LatencySummary latency = pushQueryLatency(producer, input);
      System.out.printf("push query: %d orders/s for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f"
              + " ms, rows %d of %d%n", rate, durationSeconds, latency.p50Ms(), latency.p99Ms(),
          latency.maxMs(), latency.count(), (long) rate * durationSeconds);

      persistentQuery(producer, input, output, sqlPid);
    }
    return 0;
  }

  private LatencySummary pushQueryLatency(KafkaProducer<String, byte[]> producer, String input)
      throws Exception {
    int orders = rate * durationSeconds;
    Map<String, Long> intended = new ConcurrentHashMap<>();
    Histogram latency = LatencySummary.newHistogram();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch allRows = new CountDownLatch(orders);
    SqlApi.Rows rows = sql.push("SELECT orderId FROM bench_" + run + " EMIT CHANGES;", row -> {
      Long sent = intended.remove(row.get(0).asText());
      if (sent != null) {
        latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1_000));
        allRows.countDown();
      } else {
        reading.countDown();
      }
    });
    rows.awaitHeader(DRAIN);
    // The header comes once the job is submitted, before its source has found the topic's end:
    // probes until one comes back, so that the measured orders are all read.
    for (int probe = 0; !reading.await(200, TimeUnit.MILLISECONDS); probe++) {
      send(producer, input, "probe-" + run + "-" + probe);
      if (probe > DRAIN.toMillis() / 200) {
        throw new IllegalStateException("the push query reads nothing");
      }
    }
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    for (int i = 0; i < orders; i++) {
      long due = start + i * interval;
      LockSupport.parkNanos(due - System.nanoTime());
      String order = "order-" + run + "-" + i;
      intended.put(order, due);
      send(producer, input, order);
    }
    producer.flush();
    allRows.await(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
    rows.close();
    return LatencySummary.of(latency);
  }

  private void persistentQuery(KafkaProducer<String, byte[]> producer, String input,
                               String output, long sqlPid) throws Exception {
    for (int i = 0; i < records; i++) {
      send(producer, input, "backlog-" + run + "-" + i);
    }
    producer.flush();
    double cpuBefore = cpuSeconds(sqlPid);
    long start = System.nanoTime();
    String answer = sql.ksql("CREATE STREAM bench_out_" + run + " WITH (kafka_topic='" + output
        + "', partitions=" + partitions + ") AS SELECT orderId, customerId, "
        + "payload->OrderPlaced->total AS total FROM bench_" + run + ";",
        Map.of("auto.offset.reset", "earliest"));
    long expected = recordsIn(input);
    long read = countUntil(output, expected, start + DRAIN.toNanos()
        + TimeUnit.SECONDS.toNanos(records / 1_000));
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMs = (cpuSeconds(sqlPid) - cpuBefore) * 1_000;
    System.out.printf("persistent query: %d records in %.1f s: %.0f records/s, sql CPU %.1f ms"
        + " per 1,000 records%s%n", read, seconds, read / seconds, cpuMs / read * 1_000,
        read < expected ? " (" + (expected - read) + " missing)" : "");
    Matcher id = QUERY_ID.matcher(answer);
    if (id.find()) {
      sql.ksql("TERMINATE " + id.group(1) + ";", Map.of());
    }
  }

  /** How many records {@code topic} holds (written without transactions: its end offsets). */
  private long recordsIn(String topic) throws Exception {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(assigned).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Reads {@code topic} from the start until {@code expected} records or the deadline. */
  private long countUntil(String topic, long expected, long deadline) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> assigned = consumer.partitionsFor(topic, Duration.ofMinutes(1))
          .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(assigned);
      consumer.seekToBeginning(assigned);
      long read = 0;
      while (read < expected && System.nanoTime() < deadline) {
        read += consumer.poll(Duration.ofMillis(200)).count();
      }
      return read;
    }
  }

  private Future<?> send(KafkaProducer<String, byte[]> producer,
                          String topic, String order) {
    OrderEvent event = new OrderEvent(order, "bench-" + run, Instant.now(),
        new OrderPlaced(List.of(new OrderLine("mug-1", 1, new BigDecimal("12.50"))),
            new BigDecimal("12.50"), null));
    return producer.send(new ProducerRecord<>(topic, order, serde.serialize(topic, event)));
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 1),
        new StringSerializer(), new ByteArraySerializer());
  }

  private static double cpuSeconds(long pid) {
    return ProcessUsage.of("sql", pid).map(ProcessUsage::cpuSeconds).orElse(0.0);
  }
}
