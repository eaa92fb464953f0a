package io.eventshop.bench.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Kafka's own limit on the broker the shop runs on, in the same run: {@code ProducerPerformance}
 * (an idempotent acks=all producer as fast as it goes) and {@code EndToEndLatency} (one record at
 * a time, produce then consume), both from the {@code kafka-tools} artifact, each in its own JVM
 * like the shop's services. Their topics are the benchmark's own and deleted afterwards.
 */
final class RawKafkaBenchmark {

  static final int PARTITIONS = 6; // as the shop's order topics
  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

  private final String bootstrapServers;
  private final Path workDir;
  private final PrintStream out;

  RawKafkaBenchmark(String bootstrapServers, Path workDir, PrintStream out) {
    this.bootstrapServers = bootstrapServers;
    this.workDir = workDir;
    this.out = out;
  }

  RawKafkaResult run(long records, int recordSize, long latencyRecords, String runTag) {
    String throughputTopic = "bench.raw-throughput." + runTag;
    String latencyTopic = "bench.raw-latency." + runTag;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(throughputTopic, PARTITIONS, (short) 1),
              new NewTopic(latencyTopic, 1, (short) 1)))
          .all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      try {
        out.printf("raw Kafka: ProducerPerformance, %,d records of %d bytes, acks=all,"
            + " idempotent%n", records, recordSize);
        Tool producer = runTool("producer-performance", List.of(
            "org.apache.kafka.tools.ProducerPerformance", "--bootstrap-server", bootstrapServers,
            "--topic", throughputTopic, "--num-records", Long.toString(records),
            "--record-size", Integer.toString(recordSize), "--throughput", "-1",
            "--command-property", "acks=all", "enable.idempotence=true"));
        out.printf("raw Kafka: EndToEndLatency, %,d records of %d bytes, acks=all%n",
            latencyRecords, recordSize);
        Tool latency = runTool("end-to-end-latency", List.of(
            "org.apache.kafka.tools.EndToEndLatency", "--bootstrap-server", bootstrapServers,
            "--topic", latencyTopic, "--num-records", Long.toString(latencyRecords),
            "--producer-acks", "all", "--record-size", Integer.toString(recordSize)));
        return new RawKafkaResult(ProducerPerformanceReport.parse(producer.output, recordSize),
            EndToEndLatencyReport.parse(latency.output, latencyRecords), producer.usage,
            latency.usage);
      } finally {
        admin.deleteTopics(List.of(throughputTopic, latencyTopic)).all()
            .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("raw Kafka benchmark: " + OrderTrips.describe(e), e);
    }
  }

  private record Tool(String output, ProcessUsage usage) {
  }

  /** Runs a tool's main class in a child JVM on this JVM's class path, bounded in time. */
  private Tool runTool(String name, List<String> mainAndArguments) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        // the tools print decimals with the default locale; the parsers expect a dot
        "-Duser.language=en", "-Duser.country=US",
        "-cp", System.getProperty("java.class.path")));
    command.addAll(mainAndArguments);
    Path log = workDir.resolve(name + ".log");
    try {
      Files.createDirectories(workDir);
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      ProcessUsage usage = new ProcessUsage(name, process.pid(), 0, 0);
      long deadline = System.nanoTime() + TOOL_TIMEOUT.toNanos();
      // sampled while it runs: once it has exited, /proc no longer knows it
      while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
        Optional<ProcessUsage> now = ProcessUsage.of(name, process.pid());
        if (now.isPresent()) {
          // an exiting process may no longer show its memory: keep the highest seen
          usage = new ProcessUsage(name, process.pid(),
              Math.max(usage.cpuSeconds(), now.get().cpuSeconds()),
              Math.max(usage.peakRssMiB(), now.get().peakRssMiB()));
        }
        if (System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IllegalStateException(name + " did not finish within " + TOOL_TIMEOUT
              + "; see " + log);
        }
      }
      String output = Files.readString(log);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
            + ProducerPerformanceReport.tail(output));
      }
      return new Tool(output, usage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
