package io.eventshop.bench.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.bench.load.LatencySummary;
import io.eventshop.bench.load.RateSchedule;
import io.eventshop.bench.load.ShopEndpoints;
import io.eventshop.contracts.Topics;
import io.eventshop.contracts.product.Product;
import io.eventshop.contracts.serde.AvroSerde;
import io.eventshop.contracts.serde.SerdeConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The search service under load, against a running shop:
 *
 * <ol>
 *   <li><b>Seed</b>: {@code --products} products written straight to {@code products} (as the
 *       product service writes them), named with words of a made-up vocabulary, so that every
 *       word is in about a hundred names; then the time until the index lists them all.</li>
 *   <li><b>Reindex</b>: a rebuild of the whole index from the topics
 *       ({@code ./eventshop search reindex}'s endpoint): records indexed per second.</li>
 *   <li><b>Queries</b>: at each of {@code --rates}, open loop for {@code --duration}, a word of
 *       the vocabulary as it is (exact) and with one letter changed (fuzzy): p50/p99 from each
 *       query's intended send time to its answer (no coordinated omission), straight to the
 *       search service (the gateway's per-client rate limit would cap the rate).</li>
 * </ol>
 */
@Command(name = "search-bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Products -> index: live and reindex rate; query latency at fixed rates.")
public final class SearchBenchmark implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] CATEGORIES = {"Kitchen", "Garden", "Study", "Outdoor", "Bath",
      "Toys", "Tools", "Music"};
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

  @Option(names = "--data-dir", required = true, paramLabel = "DIR",
      description = "The data dir of a running `./eventshop up` (its run.json).")
  private Path dataDir;

  @Option(names = "--search-url", paramLabel = "URL",
      description = "A search service of its own (default: the run's).")
  private String searchUrl;

  @Option(names = "--products", defaultValue = "100000",
      description = "Products to seed (default ${DEFAULT-VALUE}; 0 searches what is there).")
  private int products;

  @Option(names = "--words", defaultValue = "1000",
      description = "Size of the made-up vocabulary of names (default ${DEFAULT-VALUE}).")
  private int words;

  @Option(names = "--rates", split = ",", defaultValue = "50,500",
      description = "Queries per second, one phase each (default ${DEFAULT-VALUE}).")
  private List<Double> rates;

  @Option(names = "--clients", split = ",", defaultValue = "1,4",
      description = "Closed-loop clients, one phase each, before the open loop: what the"
          + " service sustains (default ${DEFAULT-VALUE}).")
  private List<Integer> clients;

  @Option(names = "--duration", defaultValue = "30",
      description = "Seconds per query phase (default ${DEFAULT-VALUE}).")
  private int durationSeconds;

  /** HTTP/1.1: the services speak nothing else, and an h2c upgrade per connection costs. */
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Random random = new Random(42);

  public static void main(String[] args) {
    System.exit(new CommandLine(new SearchBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    ShopEndpoints shop = ShopEndpoints.fromRunFile(dataDir.toAbsolutePath());
    String search = searchUrl != null ? searchUrl : shop.urls().get("search");
    if (search == null || shop.bootstrapServers() == null) {
      System.err.println("search-bench: the run has no search or no kafka component");
      return 2;
    }
    List<String> vocabulary = vocabulary(words);
    if (products > 0) {
      seed(shop, search, vocabulary);
    }
    reindex(search);
    System.out.printf("queries: straight to %s, %d s per phase%n", search, durationSeconds);
    for (int count : clients) {
      for (boolean fuzzy : new boolean[] {false, true}) {
        closedLoop(search, vocabulary, count, fuzzy);
      }
    }
    for (double rate : rates) {
      for (boolean fuzzy : new boolean[] {false, true}) {
        queries(search, vocabulary, rate, fuzzy);
      }
    }
    return 0;
  }

  private void seed(ShopEndpoints shop, String search, List<String> vocabulary) throws Exception {
    long listedBefore = listed(search);
    String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    AvroSerde<Product> serde = AvroSerde.forValues(Product.class,
        SerdeConfig.autoRegistering(shop.registryUrl().orElseThrow()));
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, shop.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
        new StringSerializer(), new ByteArraySerializer())) {
      for (int n = 0; n < products; n++) {
        String sku = "BENCH-" + run + "-" + n;
        String name = pick(vocabulary) + " " + pick(vocabulary) + " " + pick(vocabulary);
        Product product = new Product(sku, name, "A " + name.toLowerCase() + " for the benchmark",
            CATEGORIES[n % CATEGORIES.length],
            BigDecimal.valueOf(100 + random.nextInt(50_000), 2), Instant.now());
        producer.send(new ProducerRecord<>(Topics.PRODUCTS.name(), sku,
            serde.serialize(Topics.PRODUCTS.name(), product)));
        if ((n + 1) % 20_000 == 0) {
          System.out.printf("seed: %,d of %,d products written%n", n + 1, products);
        }
      }
    }
    double written = seconds(start);
    long target = listedBefore + products;
    long listed;
    while ((listed = listed(search)) < target) {
      if (seconds(start) > 600) {
        throw new IllegalStateException("the index lists " + listed + " of " + target
            + " products after 10 minutes");
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    double indexed = seconds(start);
    System.out.printf("seed: %,d products written in %.1f s (%,.0f/s); all listed in the index"
        + " %.1f s after the first write (%,.0f documents/s live)%n", products, written,
        products / written, indexed, products / indexed);
  }

  private void reindex(String search) throws Exception {
    JsonNode progress = JSON.readTree(http.send(HttpRequest.newBuilder(
            URI.create(search + "/admin/index/rebuild"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    while ("REBUILDING".equals(progress.path("state").asText())) {
      TimeUnit.MILLISECONDS.sleep(200);
      progress = JSON.readTree(http.send(HttpRequest.newBuilder(
          URI.create(search + "/admin/index/rebuild")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body());
    }
    long records = progress.path("records").asLong();
    double seconds = progress.path("elapsedMs").asLong() / 1000.0;
    System.out.printf("reindex: %s, %,d records in %.1f s (%,.0f documents/s)%n",
        progress.path("state").asText(), records, seconds, records / seconds);
  }

  private void queries(String search, List<String> vocabulary, double rate, boolean fuzzy)
      throws Exception {
    Histogram micros = LatencySummary.newHistogram();
    AtomicLong failed = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    AtomicLong hits = new AtomicLong();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    RateSchedule schedule = RateSchedule.of(System.nanoTime(), rate,
        Duration.ofSeconds(durationSeconds));
    long sent = schedule.issue(schedule.lastNanos() + TimeUnit.SECONDS.toNanos(5), i -> {
      String word = pick(vocabulary);
      String query = fuzzy ? typo(word) : word;
      long intended = schedule.intendedNanos(i);
      pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(search + "/api/search?q="
              + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&size=10"))
          .timeout(QUERY_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, error) -> {
            long micro = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - intended);
            if (error == null && response.statusCode() == 503) {
              refused.incrementAndGet();
              return;
            }
            if (error != null || response.statusCode() != 200) {
              failed.incrementAndGet();
              return;
            }
            // The latency of answers only: a refusal is quick by design and would flatter it.
            synchronized (micros) {
              micros.recordValue(Math.max(1, micro));
            }
            if (!response.body().contains("\"total\":0,")) {
              hits.incrementAndGet();
            }
          }));
    });
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .handle((done, error) -> null).get(QUERY_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - schedule.startNanos()) / 1e9;
    LatencySummary latency;
    synchronized (micros) {
      latency = LatencySummary.of(micros);
    }
    System.out.printf("%-5s at %4.0f/s: %,d queries, %,d answered (%,.0f/s): p50 %.1f ms, p99"
            + " %.1f ms, max %.1f ms, %,d with hits; %,d refused (503, too busy), %,d failed%n",
        fuzzy ? "fuzzy" : "exact", rate, sent, latency.count(), latency.count() / seconds,
        latency.p50Ms(), latency.p99Ms(), latency.maxMs(), hits.get(), refused.get(),
        failed.get());
  }

  /** {@code count} clients, each sending its next query when the last is answered. */
  private void closedLoop(String search, List<String> vocabulary, int count, boolean fuzzy)
      throws Exception {
    Histogram micros = LatencySummary.newHistogram();
    AtomicLong failed = new AtomicLong();
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String word = pick(vocabulary);
      queries.add(fuzzy ? typo(word) : word);
    }
    AtomicLong next = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(durationSeconds);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      Thread client = new Thread(() -> {
        while (System.nanoTime() < end) {
          String query = queries.get((int) (next.getAndIncrement() % queries.size()));
          long sent = System.nanoTime();
          try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(search
                    + "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&size=10")).timeout(QUERY_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
          synchronized (micros) {
            micros.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
          }
        }
      });
      client.start();
      threads.add(client);
    }
    for (Thread client : threads) {
      client.join();
    }
    LatencySummary latency = LatencySummary.of(micros);
    System.out.printf("%-5s %d client(s), closed loop: %,.1f queries/s, p50 %.1f ms, p99 %.1f ms,"
            + " %,d failed%n", fuzzy ? "fuzzy" : "exact", count,
        latency.count() / (double) durationSeconds, latency.p50Ms(), latency.p99Ms(),
        failed.get());
  }

  /** Products the index lists, every one counted ({@code total} of a search of everything). */
  private long listed(String search) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
        URI.create(search + "/api/search?size=1")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return answer.statusCode() == 200 ? JSON.readTree(answer.body()).path("total").asLong() : 0;
  }

  /** Pronounceable made-up words of 6-9 letters, none a real one a stemmer would change much. */
  private List<String> vocabulary(int size) {
    String consonants = "bdfgklmnprstvz";
    String vowels = "aeiou";
    List<String> vocabulary = new ArrayList<>();
    while (vocabulary.size() < size) {
      StringBuilder word = new StringBuilder();
      int syllables = 3 + random.nextInt(2);
      for (int s = 0; s < syllables; s++) {
        word.append(consonants.charAt(random.nextInt(consonants.length())))
            .append(vowels.charAt(random.nextInt(vowels.length())));
      }
      if (!vocabulary.contains(word.toString())) {
        vocabulary.add(word.toString());
      }
    }
    return vocabulary;
  }

  /** The word with one letter (not the first) replaced: one edit away. */
  private String typo(String word) {
    int at = 1 + random.nextInt(word.length() - 1);
    char replaced = (char) ('a' + (word.charAt(at) - 'a' + 1 + random.nextInt(24)) % 26);
    return word.substring(0, at) + replaced + word.substring(at + 1);
  }

  private String pick(List<String> vocabulary) {
    return vocabulary.get(random.nextInt(vocabulary.size()));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
