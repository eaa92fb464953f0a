package io.eventshop.sql.engine;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-running Flink {@link TableEnvironment} for every statement of the service. Local by
 * default: one {@link MiniCluster} started here, and the table environment submits to it through
 * its REST endpoint, exactly as it would to an existing cluster ({@code execution.target: remote}).
 * Flink's own local executor would start a mini-cluster per job (~200 MB each); this one is shared.
 */
public final class FlinkEnvironment implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FlinkEnvironment.class);

  /**
   * Every use of the table environment runs on this one thread: Flink's planner keeps Calcite's
   * metadata providers in a thread-local set where the environment was created, and planning on
   * another thread fails with {@code NullPointerException: metadataHandlerProvider}.
   */
  private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "flink-sql");
    thread.setDaemon(true);
    return thread;
  });

  private final MiniCluster miniCluster;
  private final TableEnvironment tables;
  private final String description;

  private FlinkEnvironment(MiniCluster miniCluster, TableEnvironment tables, String description) {
    this.miniCluster = miniCluster;
    this.tables = tables;
    this.description = description;
  }

  /** Runs {@code work} on the environment's thread and returns its result. */
  public static <T> T onFlinkThread(Callable<T> work) {
    if (Thread.currentThread().getName().equals("flink-sql")) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return THREAD.submit(work).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for Flink", e);
    }
  }

  /**
   * A local mini-cluster with {@code slots} task slots, its checkpoints under {@code stateDir},
   * and {@code flinkConfig} (Flink's own keys) on top.
   */
  public static FlinkEnvironment local(int slots, Path stateDir, Map<String, String> flinkConfig)
      throws Exception {
    Configuration cluster = new Configuration();
    cluster.setString("rest.bind-address", "127.0.0.1");
    cluster.setString("rest.address", "127.0.0.1");
    cluster.setString("rest.bind-port", "0");
    // Memory of the one task manager, sized for a small service JVM (the defaults ask for GBs).
    cluster.setString("taskmanager.memory.network.min", "32m");
    cluster.setString("taskmanager.memory.network.max", "32m");
    cluster.setString("taskmanager.memory.managed.size", "32m");
    cluster.setString("io.tmp.dirs", stateDir.resolve("tmp").toString());
    flinkConfig.forEach(cluster::setString);
    MiniCluster miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(cluster)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(slots)
        .build());
    miniCluster.start();
    URI rest = miniCluster.getRestAddress().get();
    Configuration client = new Configuration();
    client.setString("execution.target", "remote");
    client.setString("rest.address", rest.getHost());
    client.setString("rest.port", String.valueOf(rest.getPort()));
    applyJobDefaults(client, stateDir);
    flinkConfig.forEach(client::setString);
    log.info("flink mini-cluster started with {} slots, REST at {}", slots, rest);
    return new FlinkEnvironment(miniCluster, create(client),
        "local mini-cluster (" + slots + " slots) at " + rest);
  }

  /** A table environment submitting to the cluster that {@code flinkConfig} names. */
  public static FlinkEnvironment remote(Path stateDir, Map<String, String> flinkConfig) {
    Configuration client = new Configuration();
    applyJobDefaults(client, stateDir);
    flinkConfig.forEach(client::setString);
    return new FlinkEnvironment(null, create(client), "cluster at "
        + client.getString("rest.address", "?") + ":" + client.getString("rest.port", "8081"));
  }

  private static void applyJobDefaults(Configuration client, Path stateDir) {
    client.setString("execution.checkpointing.interval", "2s");
    client.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
    client.setString("execution.checkpointing.externalized-checkpoint-retention",
        "RETAIN_ON_CANCELLATION");
    // Two, so that a run stopped while the newest was being written still has one to resume from.
    client.setString("execution.checkpointing.num-retained", "2");
    client.setString("execution.checkpointing.dir", stateDir.resolve("checkpoints").toUri().toString());
    client.setString("state.backend.type", "hashmap");
    client.setString("parallelism.default", "1");
    client.setString("table.exec.source.idle-timeout", "5s");
  }

  private static TableEnvironment create(Configuration configuration) {
    return onFlinkThread(() -> TableEnvironment.create(EnvironmentSettings.newInstance()
        .inStreamingMode().withConfiguration(configuration).build()));
  }

  public TableEnvironment tables() {
    return tables;
  }

  public String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    if (miniCluster != null) {
      // Bounded: in a JVM that is shutting down the mini-cluster's close was seen to hang past
      // the launcher's 30 s before SIGKILL (Pekko cannot add its own shutdown hook by then).
      try {
        miniCluster.closeAsync().get(10, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        log.warn("the flink mini-cluster did not stop within 10 s; leaving it to the JVM's exit");
      }
    }
  }
}
