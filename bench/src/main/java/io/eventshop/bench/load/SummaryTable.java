package io.eventshop.bench.load;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The run as the table printed at its end (and pasted into the README). */
final class SummaryTable {

  private SummaryTable() {
  }

  static String render(BenchResult r) {
    StringBuilder t = new StringBuilder();
    line(t, "Eventshop benchmark %s — %d cores, %.1f GiB, %s; orders via %s", r.timestamp(),
        r.machine().cores(), r.machine().memoryGiB(), r.machine().java(), r.target());
    line(t, "seeded %,d products and %,d customers in %.1f s", r.products(), r.customers(),
        r.seedSeconds());
    line(t, "");
    line(t, "closed loop   orders/s    p50 ms    p95 ms    p99 ms  p99.9 ms    max ms   failed");
    for (ClosedLoopResult c : r.closedLoop()) {
      LatencySummary l = c.latency();
      line(t, "C=%-9d %10.1f %9.2f %9.2f %9.2f %9.2f %9.2f %8d", c.clients(),
          c.ordersPerSecond(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(),
          c.failed());
    }
    line(t, "");
    line(t, "open loop    achieved/s    p50 ms    p95 ms    p99 ms  p99.9 ms    max ms   failed"
        + "  dropped  sustained");
    for (OpenLoopResult o : r.openLoop()) {
      LatencySummary l = o.latency();
      line(t, "R=%-9.0f %11.1f %9.2f %9.2f %9.2f %9.2f %9.2f %8d %8d  %s", o.offeredRate(),
          o.achievedRate(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(), o.failed(),
          o.dropped(), o.sustained() ? "yes" : "no");
    }
    line(t, "highest open-loop rate with p99 < %.0f ms: %s", LoadPhases.SUSTAINED_P99_MS,
        r.highestSustainedRate() == null ? "none of the offered rates"
            : String.format(Locale.ROOT, "%.0f orders/s", r.highestSustainedRate()));
    line(t, "");
    if (!r.pipeline().isEmpty()) {
      line(t, "pipeline     outcomes/s    p50 ms    p95 ms    p99 ms  p99.9 ms    max ms  missing"
          + "  sustained  validated  rejected");
      for (PipelineResult p : r.pipeline()) {
        LatencySummary l = p.latency();
        line(t, "R=%-9.0f %11.1f %9.2f %9.2f %9.2f %9.2f %9.2f %8d  %-9s %10d %9d%s",
            p.offeredRate(), p.achievedRate(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.p999Ms(),
            l.maxMs(), p.missing() + p.sendFailures(), p.sustained() ? "yes" : "no",
            p.validated(), p.rejected(), p.rejectionReasons().isEmpty() ? ""
                : " " + p.rejectionReasons());
      }
      line(t, "highest pipeline rate (OrderPlaced straight to Kafka) with p99 < %.0f ms: %s",
          LoadPhases.SUSTAINED_P99_MS, r.highestSustainedPipelineRate() == null
              ? "none of the offered rates"
              : String.format(Locale.ROOT, "%.0f orders/s", r.highestSustainedPipelineRate()));
      line(t, "");
    }
    if (r.rawKafka() != null) {
      ProducerPerformanceReport p = r.rawKafka().producer();
      EndToEndLatencyReport e = r.rawKafka().endToEnd();
      line(t, "raw Kafka, same broker: ProducerPerformance %,d x %d B acks=all idempotent:"
          + " %,.0f records/s (%.1f MB/s), p50 %d ms, p99 %d ms", p.records(), p.recordSize(),
          p.recordsPerSecond(), p.mbPerSecond(), p.p50Ms(), p.p99Ms());
      line(t, "raw Kafka, same broker: EndToEndLatency %,d records: avg %.2f ms, p50 %d ms,"
          + " p99 %d ms, p99.9 %d ms", e.records(), e.avgMs(), e.p50Ms(), e.p99Ms(), e.p999Ms());
    } else {
      line(t, "raw Kafka: not measured");
    }
    BenchResult.Pipeline p = r.pipelineVsRaw();
    line(t, "order pipeline: %.1f topic writes per order x %.1f orders/s = %,.0f events/s%s",
        p.writesPerOrder(), p.bestOrdersPerSecond(), p.eventsPerSecond(),
        p.eventsOverRawRecords() == null ? ""
            : String.format(Locale.ROOT, " = %.3f of raw records/s", p.eventsOverRawRecords()));
    if (p.orderP50OverRawP50() != null) {
      line(t, "order p50 (fewest clients) over raw end-to-end p50: %.1fx",
          p.orderP50OverRawP50());
    }
    line(t, "");
    line(t, "process              pid   CPU s  peak RSS MiB");
    for (ProcessUsage u : r.processes()) {
      line(t, "%-18s %7d %7.1f %13.0f", u.name(), u.pid(), u.cpuSeconds(), u.peakRssMiB());
    }
    line(t, "shop CPU during the measured phases: %.1f s (load generator %.1f s); CPU per order:"
        + " %s", r.shopCpuSecondsUnderLoad(), r.loadGeneratorCpuSeconds(),
        r.cpuMsPerOrder() == null ? "unknown (no pids)"
            : String.format(Locale.ROOT, "%.2f ms", r.cpuMsPerOrder()));
    backlog(t, r.drains());
    line(t, "");
    CorrectnessReport c = r.correctness();
    line(t, "correctness: %,d orders tried, %,d accepted, %,d refused, %,d lost; final %s;"
        + " rejections %s; stock checked for %,d products: %s", c.tried(), c.accepted(),
        c.refused(), c.lost(), c.finalStates(), c.rejectionReasons(), c.productsChecked(),
        c.ok() ? "OK" : "FAILED");
    c.problems().forEach(problem -> line(t, "  PROBLEM: %s", problem));
    if (!r.failures().isEmpty()) {
      line(t, "failed requests during the phases: %s", r.failures());
    }
    return t.toString();
  }

  /** Whether each phase began on a shop that had caught up with the phase before it. */
  private static void backlog(StringBuilder t, List<BacklogDrain> drains) {
    if (drains.isEmpty()) {
      line(t, "backlog between phases: not watched (no broker known)");
      return;
    }
    List<BacklogDrain> left = drains.stream().filter(drain -> !drain.drained()).toList();
    double longest = drains.stream().mapToDouble(BacklogDrain::seconds).max().orElse(0);
    if (left.isEmpty()) {
      line(t, "backlog between phases: every phase began with the shop caught up (longest"
          + " wait %.1f s, after %s)", longest, drains.stream()
          .max(Comparator.comparingDouble(BacklogDrain::seconds)).orElseThrow().after());
    } else {
      left.forEach(drain -> line(t, "backlog between phases: after %s NOT drained within %.0f s,"
          + " the next phase met %s", drain.after(), drain.seconds(), drain.lagLeft()));
    }
  }

  private static void line(StringBuilder t, String format, Object... args) {
    t.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
