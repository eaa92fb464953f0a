package io.eventshop.connect.lake;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker as the launcher runs it, {@code target/connect.jar} in a JVM of its own, so that a
 * test can end it the way a crash does: {@link #kill()} is a SIGKILL, no shutdown hook runs.
 */
final class WorkerProcess {

  private final Process process;
  private final String restUrl;

  private WorkerProcess(Process process, String restUrl) {
    this.process = process;
    this.restUrl = restUrl;
  }

  /** Starts a worker with {@code arguments} and waits until its connector files are applied. */
  static WorkerProcess start(int port, Path log, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-jar", Path.of("target", "connect.jar").toAbsolutePath().toString(),
        "--eventshop.connect.port=" + port));
    command.addAll(arguments);
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    WorkerProcess worker = new WorkerProcess(process, "http://127.0.0.1:" + port);
    await("worker on port " + port + " applies its connectors (log: " + log + ")")
        .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          if (!process.isAlive()) {
            throw new IllegalStateException("the worker exited with " + process.exitValue()
                + ", see " + log);
          }
          return worker.ready();
        });
    return worker;
  }

  /** Ends the worker as {@code kill -9} does and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Stops the worker as Ctrl-C does (its shutdown hook stops Connect) and waits. */
  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  private boolean ready() {
    try {
      HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(restUrl + "/eventshop/ready")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return answer.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
