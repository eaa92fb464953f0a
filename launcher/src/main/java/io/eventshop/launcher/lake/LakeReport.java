package io.eventshop.launcher.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.lake.SvgChart.Bar;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The lake's refined tables as one self-contained HTML page: each part is a query of the lake
 * service and a chart drawn by {@link SvgChart}; no script, style sheet or font is fetched.
 */
public final class LakeReport {

  /** A part of the report: what it asks the lake, and how its answer becomes a chart. */
  public enum Part {
    REVENUE("Revenue by country", "SELECT CAST(day AS VARCHAR) AS day, country,"
        + " sum(revenue) AS revenue FROM refined.daily_revenue GROUP BY ALL ORDER BY day, country",
        LakeReport::revenueChart),
    TOP_PRODUCTS("Top products by units sold", "SELECT sku, units_sold FROM refined.stock_turnover"
        + " WHERE units_sold > 0 ORDER BY units_sold DESC, sku LIMIT 10",
        answer -> SvgChart.bars("Top products by units sold", bars(answer))),
    FUNNEL("Conversion funnel (visitor-days, all days)", "SELECT sum(visitors) AS visitors,"
        + " sum(viewed) AS viewed, sum(added_to_cart) AS added_to_cart,"
        + " sum(checked_out) AS checked_out, sum(ordered) AS ordered FROM refined.daily_funnel"
        + " HAVING count(*) > 0", LakeReport::funnelChart),
    STOCK_TURNOVER("Stock turnover (units sold / average stock)", "SELECT sku, turnover"
        + " FROM refined.stock_turnover WHERE turnover IS NOT NULL ORDER BY turnover DESC, sku"
        + " LIMIT 10", answer -> SvgChart.bars("Stock turnover", bars(answer)));

    private final String title;
    private final String sql;
    private final Function<LakeAnswer, String> chart;

    Part(String title, String sql, Function<LakeAnswer, String> chart) {
      this.title = title;
      this.sql = sql;
      this.chart = chart;
    }

    public String title() {
      return title;
    }

    public String sql() {
      return sql;
    }
  }

  /**
   * What the lake answered for a part: its rows, or why it has none (a refined table the lake
   * has not built yet is a refused query).
   */
  public record Outcome(LakeAnswer answer, String missing) {

    static Outcome of(LakeAnswer answer) {
      return new Outcome(answer, null);
    }

    static Outcome missing(String why) {
      return new Outcome(null, why);
    }
  }

  private LakeReport() {
  }

  /** Asks the lake for every part. */
  public static Map<Part, Outcome> fetch(LakeClient lake) throws IOException {
    Map<Part, Outcome> outcomes = new LinkedHashMap<>();
    for (Part part : Part.values()) {
      try {
        outcomes.put(part, Outcome.of(lake.query(part.sql())));
      } catch (LakeRefusal e) {
        outcomes.put(part, Outcome.missing(e.reason()));
      }
    }
    return outcomes;
  }

  /** The page: a heading, then each part's chart, or a sentence saying why it has none. */
  public static String html(Map<Part, Outcome> outcomes, Instant generatedAt) {
    StringBuilder page = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Eventshop lake report</title>
        <style>body{font-family:sans-serif;max-width:720px;margin:2em auto;color:#222}
        section{margin:2em 0}p.empty{color:#666}</style></head><body>
        <h1>Eventshop lake report</h1>
        """);
    page.append("<p>From the refined zone, ").append(generatedAt).append(".</p>\n");
    outcomes.forEach((part, outcome) -> {
      page.append("<section><h2>").append(SvgChart.escape(part.title())).append("</h2>\n");
      if (outcome.missing() != null) {
        page.append("<p class=\"empty\">No data yet: ").append(SvgChart.escape(outcome.missing()))
            .append("</p>");
      } else if (outcome.answer().rows().isEmpty()) {
        page.append("<p class=\"empty\">No data yet.</p>");
      } else {
        page.append(part.chart.apply(outcome.answer()));
      }
      page.append("\n</section>\n");
    });
    return page.append("</body></html>\n").toString();
  }

  /** Rows of (day, country, revenue): a line per country, 0 on a day it had no revenue. */
  private static String revenueChart(LakeAnswer answer) {
    List<String> days = new ArrayList<>(new TreeSet<>(answer.rows().stream()
        .map(row -> row.get(0).asText()).toList()));
    Map<String, double[]> series = new LinkedHashMap<>();
    for (List<JsonNode> row : answer.rows()) {
      series.computeIfAbsent(row.get(1).asText(), country -> new double[days.size()])
          [days.indexOf(row.get(0).asText())] += row.get(2).asDouble();
    }
    return SvgChart.lines("Revenue by country and day", days, series);
  }

  /** One row of step counts: a bar per step, with its share of the first. */
  private static String funnelChart(LakeAnswer answer) {
    List<JsonNode> steps = answer.rows().get(0);
    double first = steps.get(0).asDouble();
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      double visitors = steps.get(i).asDouble();
      bars.add(new Bar(answer.columns().get(i).replace('_', ' '), visitors, steps.get(i).asText()
          + (first > 0 ? " (" + Math.round(visitors / first * 100) + "%)" : "")));
    }
    return SvgChart.bars("Conversion funnel", bars);
  }

  /** Rows of (label, value). */
  private static List<Bar> bars(LakeAnswer answer) {
    return answer.rows().stream().map(row -> new Bar(row.get(0).asText(),
        row.get(1).asDouble(), row.get(1).asText())).toList();
  }
}
