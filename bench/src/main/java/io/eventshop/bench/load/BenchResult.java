package io.eventshop.bench.load;

import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured and checked; {@link ResultFiles} writes it as JSON.
 *
 * @param timestamp              when the run started (UTC, ISO-8601)
 * @param target                 how orders reached the shop: {@code gateway} or {@code direct}
 * @param seedSeconds            how long seeding the catalogue and customers took
 * @param highestSustainedRate   the highest offered open-loop rate sustained with p99 under
 *                               {@value LoadPhases#SUSTAINED_P99_MS} ms, or null if none was
 * @param rawKafka               Kafka's own limit on the same broker, or null if not measured
 * @param pipelineVsRaw          the best phase's topic writes against the raw broker's
 * @param pipeline               the pipeline phases ({@code OrderPlaced} straight to Kafka)
 * @param highestSustainedPipelineRate the highest offered pipeline rate sustained (see
 *                               {@link PipelineResult#sustained}), or null if none was
 * @param processes              CPU and peak RSS of every process of the run, at its end
 * @param shopCpuSecondsUnderLoad CPU of the shop's processes during the measured phases
 * @param loadGeneratorCpuSeconds CPU of the benchmark's own JVM during the measured phases (it
 *                                shares the machine)
 * @param cpuMsPerOrder          shop CPU under load per final order of the measured phases
 * @param failures               why orders failed during the phases, with counts
 * @param drains                 after each phase, how long the shop took to process its
 *                               backlog before the next phase began (or that it did not)
 */
public record BenchResult(String timestamp, Machine machine, String target, int products,
                          int customers, double seedSeconds, List<ClosedLoopResult> closedLoop,
                          List<OpenLoopResult> openLoop, Double highestSustainedRate,
                          RawKafkaResult rawKafka, Pipeline pipelineVsRaw,
                          List<PipelineResult> pipeline, Double highestSustainedPipelineRate,
                          List<ProcessUsage> processes, double shopCpuSecondsUnderLoad,
                          double loadGeneratorCpuSeconds, Double cpuMsPerOrder,
                          CorrectnessReport correctness, Map<String, Long> failures,
                          List<BacklogDrain> drains) {

  /** The machine the run measured. */
  public record Machine(int cores, double memoryGiB, String os, String java) {
  }

  /**
   * The order pipeline against the raw broker.
   *
   * @param writesPerOrder       topic writes of one order by design (see {@link Bench#writesPerOrder})
   * @param bestOrdersPerSecond  the best final orders/s of any phase, pipeline phases included
   * @param eventsPerSecond      {@code bestOrdersPerSecond × writesPerOrder}
   * @param eventsOverRawRecords eventsPerSecond over the raw producer's records/s
   * @param orderP50OverRawP50   the closed loop's p50 with one client over the raw end-to-end p50
   */
  public record Pipeline(double writesPerOrder, double bestOrdersPerSecond,
                         double eventsPerSecond, Double eventsOverRawRecords,
                         Double orderP50OverRawP50) {
  }
}
