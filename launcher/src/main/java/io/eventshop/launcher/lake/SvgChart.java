package io.eventshop.launcher.lake;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts as inline SVG, drawn here so that a report is one file that needs nothing else: a line
 * chart of series over the same x values, and labelled horizontal bars. Every mark carries a
 * {@code <title>} with its value (a tooltip, and text for a screen reader).
 */
final class SvgChart {

  /** Distinguishable colours (Okabe–Ito), one per series in order. */
  static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7",
      "#56B4E9", "#D55E00", "#F0E442", "#000000");
  private static final int WIDTH = 640;
  private static final int PLOT_LEFT = 70;
  private static final int PLOT_TOP = 20;
  private static final int PLOT_HEIGHT = 220;
  private static final int BAR_HEIGHT = 22;
  private static final int BAR_LABEL_WIDTH = 150;

  /** One bar: its label, its length and the text written at its end. */
  record Bar(String label, double value, String text) {
  }

  private SvgChart() {
  }

  /** A line per series over the x values {@code xs}; a series' value at each x, in order. */
  static String lines(String title, List<String> xs, Map<String, double[]> series) {
    double max = series.values().stream().flatMapToDouble(java.util.Arrays::stream).max()
        .orElse(0);
    double top = max > 0 ? max : 1;
    int plotWidth = WIDTH - PLOT_LEFT - 20;
    StringBuilder svg = open(title, PLOT_TOP + PLOT_HEIGHT + 60 + 18 * series.size());
    int bottom = PLOT_TOP + PLOT_HEIGHT;
    svg.append(line(PLOT_LEFT, bottom, PLOT_LEFT + plotWidth, bottom, "#888"));
    svg.append(line(PLOT_LEFT, PLOT_TOP, PLOT_LEFT, bottom, "#888"));
    svg.append(text(PLOT_LEFT - 6, PLOT_TOP + 4, "end", number(max)));
    svg.append(text(PLOT_LEFT - 6, bottom + 4, "end", "0"));
    int colour = 0;
    for (Map.Entry<String, double[]> entry : series.entrySet()) {
      String stroke = COLOURS.get(colour++ % COLOURS.size());
      StringBuilder points = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      double[] values = entry.getValue();
      for (int i = 0; i < values.length; i++) {
        double x = PLOT_LEFT + (xs.size() == 1 ? plotWidth / 2.0 : i * plotWidth
            / (double) (xs.size() - 1));
        double y = bottom - values[i] / top * PLOT_HEIGHT;
        points.append(i == 0 ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
        dots.append("<circle cx=\"").append(coordinate(x)).append("\" cy=\"")
            .append(coordinate(y)).append("\" r=\"3\" fill=\"").append(stroke).append("\"><title>")
            .append(escape(entry.getKey() + " " + xs.get(i) + ": " + number(values[i])))
            .append("</title></circle>");
      }
      svg.append("<polyline fill=\"none\" stroke=\"").append(stroke)
          .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>").append(dots);
      int legend = bottom + 40 + 18 * (colour - 1);
      svg.append("<rect x=\"").append(PLOT_LEFT).append("\" y=\"").append(legend - 10)
          .append("\" width=\"12\" height=\"12\" fill=\"").append(stroke).append("\"/>")
          .append(text(PLOT_LEFT + 18, legend, "start", entry.getKey()));
    }
    if (!xs.isEmpty()) {
      svg.append(text(PLOT_LEFT, bottom + 18, "start", xs.get(0)));
      svg.append(text(PLOT_LEFT + plotWidth, bottom + 18, "end", xs.get(xs.size() - 1)));
    }
    return svg.append("</svg>").toString();
  }

  /** A horizontal bar per entry, the longest as wide as the chart. */
  static String bars(String title, List<Bar> bars) {
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    int barArea = WIDTH - BAR_LABEL_WIDTH - 90;
    StringBuilder svg = open(title, PLOT_TOP + bars.size() * (BAR_HEIGHT + 8) + 10);
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int y = PLOT_TOP + i * (BAR_HEIGHT + 8);
      double width = max > 0 ? bar.value() / max * barArea : 0;
      svg.append(text(BAR_LABEL_WIDTH - 8, y + 15, "end", bar.label()));
      svg.append("<rect x=\"").append(BAR_LABEL_WIDTH).append("\" y=\"").append(y)
          .append("\" width=\"").append(coordinate(width)).append("\" height=\"")
          .append(BAR_HEIGHT).append("\" fill=\"").append(COLOURS.get(0)).append("\"><title>")
          .append(escape(bar.label() + ": " + bar.text())).append("</title></rect>");
      svg.append(text(BAR_LABEL_WIDTH + (int) Math.round(width) + 6, y + 15, "start",
          bar.text()));
    }
    return svg.append("</svg>").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" font-family=\"sans-serif\""
            + " font-size=\"12\"><title>").append(escape(title)).append("</title>");
  }

  private static String line(int x1, int y1, int x2, int y2, String stroke) {
    return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
        + "\" stroke=\"" + stroke + "\"/>";
  }

  private static String text(int x, int y, String anchor, String text) {
    return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">"
        + escape(text) + "</text>";
  }

  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
