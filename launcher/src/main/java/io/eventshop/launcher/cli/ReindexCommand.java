package io.eventshop.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.run.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eventshop search reindex}: asks the search service to rebuild its index from the topics
 * and follows it with a progress line a second until it is done. Exit 0 done, 1 failed or
 * refused, 3 when no search service answers.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = "Rebuild the search index from the topics, showing progress (exit 0 done,"
        + " 1 failed or refused, 3 no search service answers).")
public final class ReindexCommand implements Callable<Integer> {

  static final int DONE = 0;
  static final int FAILED = 1;
  static final int NO_SERVICE = 3;
  private static final String PATH = "/admin/index/rebuild";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Mixin
  private RunDirectory directory;

  @Option(names = "--search-url", paramLabel = "URL",
      description = "The search service's address (default: the run of --data-dir).")
  private String searchUrl;

  @Option(names = "--every", paramLabel = "DURATION", defaultValue = "PT1S",
      description = "How often to print progress, ISO-8601 (default: ${DEFAULT-VALUE}).")
  private Duration every;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @Override
  public Integer call() throws Exception {
    Optional<String> service = Optional.ofNullable(searchUrl).or(() -> directory.urlOf("search"));
    if (service.isEmpty()) {
      System.out.println("no search service runs with data dir " + directory.dataDir()
          + " (start one with ./eventshop up, or name one with --search-url)");
      return NO_SERVICE;
    }
    HttpResponse<String> begun;
    try {
      begun = send(HttpRequest.newBuilder(URI.create(service.get() + PATH))
          .POST(HttpRequest.BodyPublishers.noBody()));
    } catch (IOException e) {
      System.out.println("the search service at " + service.get() + " does not answer: " + e);
      return NO_SERVICE;
    }
    if (begun.statusCode() != 202) {
      System.out.println("the search service refused: HTTP " + begun.statusCode() + " "
          + Json.MAPPER.readTree(begun.body()).path("detail").asText(begun.body()));
      return FAILED;
    }
    System.out.println("rebuilding the search index at " + service.get()
        + " from the start of its topics");
    JsonNode progress = Json.MAPPER.readTree(begun.body());
    while ("REBUILDING".equals(progress.path("state").asText())) {
      System.out.println(line(progress));
      Thread.sleep(every.toMillis());
      progress = Json.MAPPER.readTree(send(HttpRequest.newBuilder(
          URI.create(service.get() + PATH)).GET()).body());
    }
    System.out.println(line(progress));
    return "DONE".equals(progress.path("state").asText()) ? DONE : FAILED;
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One progress line of the service's answer: {@code {state, records, offsetsRead, …}}. */
  static String line(JsonNode progress) {
    long read = progress.path("offsetsRead").asLong();
    long toRead = progress.path("offsetsToRead").asLong();
    long records = progress.path("records").asLong();
    double seconds = progress.path("elapsedMs").asLong() / 1000.0;
    String rate = seconds > 0 ? String.format("%,.0f records/s", records / seconds) : "-";
    String share = toRead > 0 ? String.format("%d%%", read * 100 / toRead) : "-";
    return String.format("[%6.1fs] %-10s %,d of %,d offsets read (%s), %,d records indexed, %s",
        seconds, progress.path("state").asText().toLowerCase(), read, toRead, share, records,
        rate);
  }
}
