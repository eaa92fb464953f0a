package io.eventshop.launcher.postgres;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The legacy CRM's PostgreSQL 17 as a component of its own: this JVM unpacks zonky's binaries,
 * creates the cluster on the first start (kept across restarts), and runs {@code postgres} in the
 * foreground as its child, so that the launcher supervises one process whose exit is the server's.
 *
 * <p>Nothing may outlive it: a stop (SIGTERM) is a fast shutdown of the server; the server gets
 * the parent-death signal, so a {@code kill -9} of this JVM stops it too; this JVM stops the
 * server and exits when the launcher dies (a {@code kill -9} of the launcher); and a server left
 * running on the data directory anyway is stopped before a new one starts ({@link
 * LeftoverServer}).
 */
@Command(name = "postgres-server", mixinStandardHelpOptions = true,
    description = "Run the embedded PostgreSQL of the legacy CRM in the foreground.")
public final class PostgresServer implements Callable<Integer> {

  /** The database superuser that initdb creates; local connections are trusted. */
  public static final String SUPERUSER = "postgres";

  /**
   * Answers a row once the server runs with the settings it must have: a server that answers on
   * the port with other settings (one left running by someone else) is not taken for ours.
   */
  public static final String READY_QUERY = "SELECT 1 WHERE current_setting('fsync') = 'on'"
      + " AND current_setting('synchronous_commit') = 'on'"
      + " AND current_setting('wal_level') = 'logical'";

  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  @Option(names = "--data-dir", required = true, description = "The cluster's directory.")
  private Path dataDir;

  @Option(names = "--binaries-dir",
      description = "Where the server binaries are unpacked (default: the user's cache, so that"
          + " a new data directory does not unpack them again).")
  private Path binariesDir = defaultBinariesDir();

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to bind.")
  private String host;

  @Option(names = "--port", required = true, description = "The TCP port.")
  private int port;

  public static void main(String[] args) {
    System.exit(new CommandLine(new PostgresServer()).execute(args));
  }

  /**
   * The server settings, given on the command line at every start: they then win over
   * {@code postgresql.conf} and {@code ALTER SYSTEM}, so no earlier run can have weakened them.
   */
  static Map<String, String> settings(String host, int port) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("listen_addresses", host);
    settings.put("port", Integer.toString(port));
    // no Unix socket: a second server on the same port would collide in /tmp, and JDBC uses TCP
    settings.put("unix_socket_directories", "");
    // zonky turns these off for speed; the legacy database must keep what it committed
    settings.put("fsync", "on");
    settings.put("synchronous_commit", "on");
    settings.put("full_page_writes", "on");
    // Debezium's pgoutput decoding reads the WAL through a logical replication slot
    settings.put("wal_level", "logical");
    settings.put("max_wal_senders", "4");
    settings.put("max_replication_slots", "4");
    // a small application and a CDC reader: keep the footprint small
    settings.put("max_connections", "40");
    settings.put("shared_buffers", "32MB");
    settings.put("timezone", "UTC");
    return settings;
  }

  @Override
  public Integer call() throws Exception {
    Path data = dataDir.toAbsolutePath();
    Path binaries = PostgresBinaries.unpack(binariesDir.toAbsolutePath());
    var leftover = LeftoverServer.find(data);
    if (leftover.isPresent()) {
      System.out.println("stopping a PostgreSQL server left running on " + data + " (pid "
          + leftover.get().pid() + ")");
      LeftoverServer.stop(leftover.get());
    }
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      initdb(binaries, data);
    }
    Process server = new ProcessBuilder(serverCommand(binaries, data)).inheritIO().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "postgres-stop"));
    ProcessHandle.current().parent().ifPresent(launcher ->
        launcher.onExit().thenRun(() -> System.exit(0)));
    return server.waitFor();
  }

  private static Path defaultBinariesDir() {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path root = cache == null || cache.isBlank()
        ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache);
    return root.resolve("eventshop").resolve("postgres");
  }

  private static void initdb(Path binaries, Path data) throws IOException, InterruptedException {
    Files.createDirectories(data);
    List<String> command = unprivileged(List.of(binaries.resolve("bin/initdb").toString(),
        "--auth=trust", "--username=" + SUPERUSER, "--encoding=UTF8", "--no-locale",
        "--pgdata=" + data));
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IOException("initdb of " + data + " failed with exit code " + exit);
    }
  }

  private List<String> serverCommand(Path binaries, Path data) {
    List<String> command = new ArrayList<>();
    // SIGINT, a fast shutdown, when this JVM dies in any way (the thread that starts the server
    // is the main thread, which lives as long as the JVM)
    if (Files.isExecutable(SETPRIV)) {
      command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "INT", "--"));
    }
    command.add(binaries.resolve("bin/postgres").toString());
    command.add("-D");
    command.add(data.toString());
    settings(host, port).forEach((key, value) -> {
      command.add("-c");
      command.add(key + "=" + value);
    });
    return unprivileged(command);
  }

  /**
   * PostgreSQL refuses to run as root; as root, zonky runs it in a user namespace of its own
   * ({@code unshare -U}), where it is nobody, and so do we.
   */
  private static List<String> unprivileged(List<String> command) {
    if (!LinuxUtils.isUnshareAvailable()) {
      return command;
    }
    List<String> wrapped = new ArrayList<>(List.of("unshare", "-U"));
    wrapped.addAll(command);
    return wrapped;
  }

  private static void stop(Process server) {
    try {
      if (server.isAlive()) {
        Signals.interrupt(server.pid());
        server.waitFor();
      }
    } catch (IOException e) {
      server.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
