package io.eventshop.launcher.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventshop.launcher.LauncherException;
import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentSpec;
import io.eventshop.launcher.process.JvmTuning;
import io.eventshop.launcher.run.LaunchPlan;
import io.eventshop.launcher.run.LaunchSettings;
import io.eventshop.launcher.run.PlannedInstance;
import io.eventshop.launcher.run.StartContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code postgres} component as the launcher starts it (the catalogue's own command), a real
 * PostgreSQL 17 in a child JVM: its settings, its data across restarts, and what a
 * {@code kill -9} leaves behind.
 */
class PostgresServerIT {

  private static final Duration READY = Duration.ofSeconds(60);
  private static final ComponentSpec POSTGRES =
      ComponentCatalogue.EVENTSHOP.byName("postgres").orElseThrow();

  @TempDir
  Path home;

  private StartContext context;
  private String url;
  private final List<Process> started = new ArrayList<>();

  @BeforeEach
  void planARunOnAFreePort() throws IOException {
    ComponentCatalogue catalogue = new ComponentCatalogue(List.of(POSTGRES), Map.of());
    LaunchPlan plan = LaunchPlan.of(catalogue, catalogue.all(),
        new LaunchPlan.BrokerPorts(1, 2), Map.of(), Map.of("postgres", KafkaBroker.freePort()));
    LaunchSettings settings = new LaunchSettings(home, home.resolve("data"), Optional.empty(),
        Optional.empty(), plan, READY, "1g", JvmTuning.QUICK_START);
    PlannedInstance instance = plan.instances().get(0);
    context = new StartContext(instance, settings);
    url = instance.url();
  }

  @AfterEach
  void stopEverything() {
    started.forEach(process -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    });
  }

  @Test
  void isAcceptedAsAnExistingDatabaseAndAWrongUserIsRefusedByName() throws Exception {
    startServer();

    ExistingDatabase.check(url);
    assertThatThrownBy(() -> ExistingDatabase.check(DatabaseUrl.withUser(url, "nobody")))
        .isInstanceOf(LauncherException.class)
        .hasMessageContaining("as nobody")
        .hasMessageContaining("role \"nobody\" does not exist")
        .hasMessageContaining("--postgres-user");
  }

  @Test
  void runsWithDurableCommitsAndLogicalWalOnTheLoopbackInterface() throws Exception {
    startServer();

    assertThat(setting("fsync")).isEqualTo("on");
    assertThat(setting("synchronous_commit")).isEqualTo("on");
    assertThat(setting("wal_level")).isEqualTo("logical");
    assertThat(setting("listen_addresses")).isEqualTo("127.0.0.1");
    assertThat(Path.of(setting("data_directory")))
        .isEqualTo(home.resolve("data/postgres").toAbsolutePath());
  }

  @Test
  void keepsItsDataAcrossAStop() throws Exception {
    Process server = startServer();
    execute("CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (42)");

    stopAsTheLauncherDoes(server);
    startServer();

    assertThat(queryInt("SELECT id FROM kept")).isEqualTo(42);
  }

  @Test
  void aKillOfItsJvmTakesTheServerWithItAndTheNextStartWorks() throws Exception {
    Process jvm = startServer();
    execute("CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (7)");
    ProcessHandle postmaster = postmaster();

    jvm.destroyForcibly();

    await().atMost(READY).until(() -> !postmaster.isAlive());
    startServer();
    assertThat(queryInt("SELECT id FROM kept")).isEqualTo(7);
  }

  @Test
  void aKillOfTheServerEndsItsJvmAndTheNextStartRecoversWhatWasCommitted() throws Exception {
    Process jvm = startServer();
    execute("CREATE TABLE kept (id int)", "INSERT INTO kept VALUES (9)");

    postmaster().destroyForcibly();

    await().atMost(READY).until(() -> !jvm.isAlive());
    assertThat(jvm.exitValue()).isNotZero();
    startServer();
    assertThat(queryInt("SELECT id FROM kept")).isEqualTo(9);
  }

  @Test
  void stopsAServerLeftRunningOnItsDataInsteadOfLettingItAnswer() throws Exception {
    stopAsTheLauncherDoes(startServer());
    Process leftover = startLeftoverWithFsyncOff();
    await().atMost(READY).until(() -> setting("fsync").equals("off"));

    startServer();

    assertThat(leftover.isAlive()).as(this::log).isFalse();
    assertThat(setting("fsync")).isEqualTo("on");
  }

  private Process startServer() throws IOException {
    Files.createDirectories(context.logFile().getParent());
    Process process = POSTGRES.start().start(context);
    started.add(process);
    await().atMost(READY).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the server JVM exited with " + process.exitValue() + ": "
            + log());
      }
      return POSTGRES.readiness().isReady(url, Optional.empty());
    });
    return process;
  }

  /** SIGTERM to the JVM and its children, as the launcher's supervisor stops a component. */
  private static void stopAsTheLauncherDoes(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    process.waitFor();
  }

  /** A server on the same data directory and port that no JVM of ours watches. */
  private Process startLeftoverWithFsyncOff() throws IOException {
    Path data = home.resolve("data/postgres").toAbsolutePath();
    Path binaries;
    try (var dirs = Files.list(Path.of(System.getProperty("user.home"), ".cache/eventshop/postgres"))) {
      binaries = dirs.filter(dir -> Files.exists(dir.resolve(".complete"))).findFirst()
          .orElseThrow();
    }
    List<String> command = new ArrayList<>();
    if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.addAll(List.of(binaries.resolve("bin/postgres").toString(), "-D", data.toString(),
        "-c", "listen_addresses=127.0.0.1", "-c", "port=" + context.instance().port(),
        "-c", "unix_socket_directories=", "-c", "fsync=off"));
    Process leftover = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(context.logFile().toFile())).start();
    started.add(leftover);
    return leftover;
  }

  private String log() {
    try {
      return Files.readString(context.logFile());
    } catch (IOException e) {
      return e.toString();
    }
  }

  private ProcessHandle postmaster() throws IOException {
    long pid = Long.parseLong(Files.readAllLines(home.resolve("data/postgres/postmaster.pid"))
        .get(0).strip());
    return ProcessHandle.of(pid).orElseThrow();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, PostgresServer.SUPERUSER, "");
  }

  private void execute(String... statements) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private String setting(String name) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SHOW " + name)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private int queryInt(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
