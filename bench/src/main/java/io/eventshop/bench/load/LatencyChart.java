package io.eventshop.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The run as a picture, plain SVG: latency percentiles (log scale) against the offered rate of
 * the open-loop phases, against the clients of the closed-loop phases, and (if the run had them)
 * against the offered rate of the pipeline phases, with the 100 ms line an open-loop or pipeline
 * rate must stay under.
 */
final class LatencyChart {

  private static final int PANEL_WIDTH = 460;
  private static final int HEIGHT = 380;
  private static final int LEFT = 60;
  private static final int TOP = 50;
  private static final int PLOT_HEIGHT = 250;
  private static final Map<String, String> COLOURS = new LinkedHashMap<>();

  static {
    COLOURS.put("p50", "#1b9e77");
    COLOURS.put("p95", "#7570b3");
    COLOURS.put("p99", "#d95f02");
    COLOURS.put("p99.9", "#e7298a");
    COLOURS.put("max", "#666666");
  }

  private LatencyChart() {
  }

  static String svg(BenchResult result) {
    StringBuilder svg = new StringBuilder();
    List<PipelineResult> pipeline = result.pipeline();
    int panels = pipeline.isEmpty() ? 2 : 3;
    int width = panels * PANEL_WIDTH + (panels - 1) * 20;
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        width, HEIGHT, width, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
        width, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"14\""
        + " font-weight=\"bold\">%s</text>%n", escape("Eventshop orders, POST to final state ("
        + result.target() + ", " + result.machine().cores() + " cores, " + result.timestamp()
        + ")")));
    List<OpenLoopResult> open = result.openLoop();
    panel(svg, 0, "Open loop: latency vs offered rate (orders/s)",
        open.stream().map(r -> format(r.offeredRate())).toList(),
        open.stream().map(r -> "got " + format(r.achievedRate()) + "/s").toList(),
        series(open, OpenLoopResult::latency), true);
    List<ClosedLoopResult> closed = result.closedLoop();
    panel(svg, PANEL_WIDTH + 20, "Closed loop: latency vs concurrent clients",
        closed.stream().map(r -> "C=" + r.clients()).toList(),
        closed.stream().map(r -> format(r.ordersPerSecond()) + "/s").toList(),
        series(closed, ClosedLoopResult::latency), false);
    if (!pipeline.isEmpty()) {
      panel(svg, 2 * (PANEL_WIDTH + 20), "Pipeline, no HTTP: outcome latency vs rate",
          pipeline.stream().map(r -> format(r.offeredRate())).toList(),
          pipeline.stream().map(r -> "got " + format(r.achievedRate()) + "/s").toList(),
          series(pipeline, PipelineResult::latency), true);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static <T> Map<String, List<Double>> series(List<T> phases,
                                                      java.util.function.Function<T, LatencySummary> latency) {
    Map<String, ToDoubleFunction<LatencySummary>> pick = new LinkedHashMap<>();
    pick.put("p50", LatencySummary::p50Ms);
    pick.put("p95", LatencySummary::p95Ms);
    pick.put("p99", LatencySummary::p99Ms);
    pick.put("p99.9", LatencySummary::p999Ms);
    pick.put("max", LatencySummary::maxMs);
    Map<String, List<Double>> series = new LinkedHashMap<>();
    pick.forEach((name, value) -> series.put(name,
        phases.stream().map(phase -> value.applyAsDouble(latency.apply(phase))).toList()));
    return series;
  }

  private static void panel(StringBuilder svg, int x0, String title, List<String> xLabels,
                            List<String> subLabels, Map<String, List<Double>> series,
                            boolean boundLine) {
    int plotWidth = PANEL_WIDTH - LEFT - 20;
    int left = x0 + LEFT;
    int bottom = TOP + PLOT_HEIGHT;
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s"
        + "</text>%n", x0 + 10, TOP - 15, escape(title)));
    double max = series.values().stream().flatMap(List::stream).mapToDouble(v -> v)
        .max().orElse(1);
    double min = series.values().stream().flatMap(List::stream).mapToDouble(v -> v)
        .filter(v -> v > 0).min().orElse(1);
    LogScale scale = LogScale.covering(Math.min(min, boundLine ? 100 : min),
        Math.max(max, boundLine ? 100 : max), bottom, TOP);
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
        + " fill=\"none\" stroke=\"#999\"/>%n", left, TOP, plotWidth, PLOT_HEIGHT));
    for (double tick : scale.ticks()) {
      double y = scale.y(tick);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"#eee\"/>%n", left, left + plotWidth, y, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s"
          + " ms</text>%n", left - 5, y + 4, format(tick)));
    }
    if (boundLine) {
      double y = scale.y(LoadPhases.SUSTAINED_P99_MS);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"red\" stroke-dasharray=\"6 4\"/>%n", left, left + plotWidth, y, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"red\""
          + " text-anchor=\"end\">p99 bound</text>%n", left + plotWidth - 4, y - 4));
    }
    int n = xLabels.size();
    List<Double> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = left + plotWidth * (i + 0.5) / Math.max(1, n);
      xs.add(x);
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
          + "%s</text>%n", x, bottom + 16, escape(xLabels.get(i))));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
          + " fill=\"#666\" font-size=\"10\">%s</text>%n", x, bottom + 30,
          escape(subLabels.get(i))));
    }
    int legendX = left;
    for (Map.Entry<String, List<Double>> line : series.entrySet()) {
      String colour = COLOURS.get(line.getKey());
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double value = line.getValue().get(i);
        if (value > 0) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs.get(i), scale.y(value)));
          svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\""
              + " fill=\"%s\"><title>%s %s ms</title></circle>%n", xs.get(i), scale.y(value),
              colour, line.getKey(), format(value)));
        }
      }
      svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\""
          + " stroke=\"%s\" stroke-width=\"2\"/>%n", points.toString().trim(), colour));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\""
          + " fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n", legendX, bottom + 45, colour,
          legendX + 14, bottom + 54, line.getKey()));
      legendX += 60;
    }
  }

  /** A base-10 log scale from a power of ten below the data to one above it. */
  record LogScale(double lowExponent, double highExponent, double bottom, double top) {

    static LogScale covering(double min, double max, double bottom, double top) {
      double low = Math.floor(Math.log10(Math.max(min, 0.01)));
      double high = Math.ceil(Math.log10(Math.max(max, 0.01)));
      return new LogScale(low, high == low ? low + 1 : high, bottom, top);
    }

    double y(double value) {
      double exponent = Math.log10(Math.max(value, Math.pow(10, lowExponent)));
      return bottom - (exponent - lowExponent) / (highExponent - lowExponent) * (bottom - top);
    }

    List<Double> ticks() {
      List<Double> ticks = new ArrayList<>();
      for (double e = lowExponent; e <= highExponent; e++) {
        ticks.add(Math.pow(10, e));
      }
      return ticks;
    }
  }

  static String format(double value) {
    if (value >= 100 || value == Math.rint(value)) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, value >= 1 ? "%.1f" : "%.2f", value);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
