package io.eventshop.bench.cdc;

import io.eventshop.bench.load.LatencySummary;
import io.eventshop.bench.load.ShopEndpoints;
import io.eventshop.contracts.LegacyCustomerIds;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.customer.Customer;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Change data capture end to end, against a running shop: commits in the legacy CRM's database
 * (plain SQL, as the CRM writes) until the shop's customer shows the change.
 *
 * <p>Each change renames one seeded CRM customer ({@code last_name = cdc-<run>-<n>}) in its own
 * transaction. Its latency is from the commit's return to the moment a read_committed consumer of
 * {@code customers} reads the customer with that name. The customer service applies its own
 * writes to its API view when their transaction commits, before any consumer can read them, so
 * this is an upper bound of when {@code GET /api/customers/{id}} shows the change; at the end the
 * API is asked for every renamed customer and must show its last name.
 *
 * <ol>
 *   <li><b>Latency</b>: {@code --changes} commits at {@code --rate} per second, p50/p99.</li>
 *   <li><b>Throughput</b>: the same number of commits as fast as one connection commits them,
 *       rows per second from the first commit to the last change read back.</li>
 * </ol>
 */
@Command(name = "cdc-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Commit in the CRM's database -> customer in the shop: latency and throughput.")
public final class CdcBenchmark implements Callable<Integer> {

  private static final Duration ARRIVAL_DEADLINE = Duration.ofSeconds(60);

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The data dir of a running `./eventshop up` (its run.json).")
  private Path dataDir;

  @Option(names = "--changes", defaultValue = "1000", description = "Commits per phase"
      + " (default ${DEFAULT-VALUE}).")
  private int changes;

  @Option(names = "--rate", defaultValue = "50", description = "Commits per second in the"
      + " latency phase (default ${DEFAULT-VALUE}).")
  private double rate;

  @Option(names = "--customers", defaultValue = "300", description = "How many of the CRM's"
      + " seeded customers (ids 1..N) are renamed in turn (default ${DEFAULT-VALUE}).")
  private int customers;

  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final Map<Integer, Long> committedAtNanos = new ConcurrentHashMap<>();
  private final Map<Integer, Long> readAtNanos = new ConcurrentHashMap<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new CdcBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ShopEndpoints shop = ShopEndpoints.fromRunFile(dataDir.toAbsolutePath());
    String jdbc = shop.urls().get("postgres");
    String registry = shop.registryUrl().orElseThrow();
    if (jdbc == null || shop.bootstrapServers() == null) {
      System.err.println("cdc-bench: the run has no postgres or no kafka component");
      return 2;
    }
    AtomicBoolean reading = new AtomicBoolean(true);
    Thread reader = startReader(shop.bootstrapServers(), registry, reading);
    try (Connection database = DriverManager.getConnection(jdbc, "postgres", "")) {
      System.out.printf("latency: %d commits at %.0f/s%n", changes, rate);
      long pauseNanos = (long) (TimeUnit.SECONDS.toNanos(1) / rate);
      long start = System.nanoTime();
      for (int n = 0; n < changes; n++) {
        long due = start + n * pauseNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        commit(database, n);
      }
      awaitArrivals(IntStream.range(0, changes).boxed().toList());
      LatencySummary latency = summary(0, changes);

      System.out.printf("commit -> customer: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
          + " max %.1f ms over %d changes at %.0f/s%n", latency.p50Ms(), latency.p95Ms(),
          latency.p99Ms(), latency.maxMs(), latency.count(), rate);
      System.out.printf("throughput: %d commits as fast as they go%n", changes);
      long first = System.nanoTime();
      for (int n = changes; n < 2 * changes; n++) {
        commit(database, n);
      }
      // Renames of one customer committed faster than the join commits are folded into the
      // latest (the tables keep a state, not a history): only the last one per customer shows.
      List<Integer> lastPerCustomer = new ArrayList<>();
      for (int legacyId = 1; legacyId <= Math.min(customers, changes); legacyId++) {
        lastPerCustomer.add(lastChangeOf(legacyId, 2 * changes));
      }
      awaitArrivals(lastPerCustomer);
      long last = lastPerCustomer.stream().mapToLong(readAtNanos::get).max().orElseThrow();
      double rowsPerSecond = changes / ((last - first) / 1e9);
      double commitsPerSecond = changes / ((committedAtNanos.get(2 * changes - 1) - first) / 1e9);
      int wrong = checkApi(shop.urls().get("customer"), 2 * changes);

      System.out.printf("throughput: %.0f rows/s end to end (commits went in at %.0f/s)%n",
          rowsPerSecond, commitsPerSecond);
      System.out.printf("API check: %d of %d renamed customers show their last change%n",
          Math.min(customers, 2 * changes) - wrong, Math.min(customers, 2 * changes));
      return wrong == 0 ? 0 : 1;
    } finally {
      reading.set(false);
      reader.join();
    }
  }

  private void commit(Connection database, int n) throws SQLException {
    try (PreparedStatement rename = database.prepareStatement(
        "UPDATE customer SET last_name = ?, updated_at = now() WHERE id = ?")) {
      rename.setString(1, nameOf(n));
      rename.setLong(2, legacyIdOf(n));
      if (rename.executeUpdate() != 1) {
        throw new IllegalStateException("no CRM customer " + legacyIdOf(n)
            + ": lower --customers");
      }
    }
    committedAtNanos.put(n, System.nanoTime());
  }

  private String nameOf(int n) {
    return "cdc-" + run + "-" + n;
  }

  private long legacyIdOf(int n) {
    return n % customers + 1L;
  }

  /** Reads {@code customers} from its end and notes when each benchmark name first shows. */
  private Thread startReader(String bootstrap, String registry, AtomicBoolean reading)
      throws InterruptedException {
    AvroSerde<Customer> serde = AvroSerde.forValues(Customer.class,
        SerdeConfig.autoRegistering(registry));
    String prefix = "cdc-" + run + "-";
    Object positioned = new Object();
    boolean[] ready = new boolean[1];
    Thread reader = new Thread(() -> {
      try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.CUSTOMERS.name())
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        synchronized (positioned) {
          ready[0] = true;
          positioned.notifyAll();
        }
        while (reading.get()) {
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
            Customer customer = serde.deserialize(record.topic(), record.value());
            int at = customer == null ? -1 : customer.getName().lastIndexOf(prefix);
            if (at >= 0) {
              int n = Integer.parseInt(customer.getName().substring(at + prefix.length()));
              readAtNanos.putIfAbsent(n, System.nanoTime());
            }
          }
        }
      }
    }, "customers-reader");
    reader.start();
    synchronized (positioned) {
      while (!ready[0]) {
        positioned.wait();
      }
    }
    return reader;
  }

  private void awaitArrivals(List<Integer> expected) throws InterruptedException {
    long deadline = System.nanoTime() + ARRIVAL_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (readAtNanos.keySet().containsAll(expected)) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new IllegalStateException(expected.stream().filter(n -> !readAtNanos.containsKey(n))
        .count() + " of " + expected.size() + " changes not read back within "
        + ARRIVAL_DEADLINE.toSeconds() + " s");
  }

  private LatencySummary summary(int from, int to) {
    Histogram micros = LatencySummary.newHistogram();
    for (int n = from; n < to; n++) {
      micros.recordValue(
          TimeUnit.NANOSECONDS.toMicros(readAtNanos.get(n) - committedAtNanos.get(n)));
    }
    return LatencySummary.of(micros);
  }

  /** Asks the customer service for each renamed customer; returns how many miss their change. */
  private int checkApi(String customerService, int total) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int wrong = 0;
    for (int legacyId = 1; legacyId <= Math.min(customers, total); legacyId++) {
      int lastChange = lastChangeOf(legacyId, total);
      String body = http.send(HttpRequest.newBuilder(URI.create(customerService
              + "/api/customers/" + LegacyCustomerIds.customerIdOf(Integer.toString(legacyId))))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      if (!body.contains(nameOf(lastChange) + "\"")) {
        wrong++;
      }
    }
    return wrong;
  }

  private int lastChangeOf(int legacyId, int total) {
    int last = -1;
    for (int n = 0; n < total; n++) {
      if (legacyIdOf(n) == legacyId) {
        last = n;
      }
    }
    return last;
  }
}
