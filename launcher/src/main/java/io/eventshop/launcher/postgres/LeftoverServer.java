package io.eventshop.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server still running on our data directory although nobody launched it in this
 * run: what a {@code kill -9} of an earlier server JVM leaves where the parent-death signal is not
 * available. Left alone it would either block the new server (its {@code postmaster.pid} and port)
 * or, worse, answer the readiness probe in its place with settings nobody checked; so it is
 * stopped before the new one starts.
 *
 * <p>It is recognised by its {@code postmaster.pid}: the first line is the postmaster's pid, the
 * second the data directory. A pid whose process is gone, or is no {@code postgres} (the pid was
 * reused), is a stale file that PostgreSQL itself overwrites.
 */
final class LeftoverServer {

  private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

  private LeftoverServer() {
  }

  /** The postmaster running on {@code dataDir}, if one is. */
  static Optional<ProcessHandle> find(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")
        || !Path.of(lines.get(1).strip()).equals(dataDir.toAbsolutePath())) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.info().command()
            .map(command -> Path.of(command).getFileName().toString().equals("postgres"))
            .orElse(false));
  }

  /**
   * Stops {@code postmaster} with a fast shutdown (SIGINT: roll back open transactions,
   * checkpoint, exit), and kills it if it does not finish in time.
   */
  static void stop(ProcessHandle postmaster) throws IOException, InterruptedException {
    Signals.interrupt(postmaster.pid());
    try {
      postmaster.onExit().get(FAST_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      postmaster.destroyForcibly();
      postmaster.onExit().join();
    } catch (ExecutionException e) {
      throw new IOException("waiting for the leftover server failed", e);
    }
  }
}
