package io.eventshop.launcher.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.lake.LakeReport.Outcome;
import io.eventshop.launcher.lake.LakeReport.Part;
import io.eventshop.launcher.run.Json;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LakeReportTest {

  private static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");
  private static final Pattern BAR = Pattern.compile(
      "<rect x=\"150\" y=\"\\d+\" width=\"([\\d.]+)\" height=\"22\" fill=\"[^\"]+\"><title>([^<]+)"
          + "</title>");

  @Test
  void drawsARevenueLinePerCountryWithZeroOnADayACountryHadNone() {
    String html = LakeReport.html(Map.of(Part.REVENUE, Outcome.of(answer(
        List.of("day", "country", "revenue"),
        "[[\"2026-11-30\",\"CH\",90.00],[\"2026-11-30\",\"DE\",30.00],"
            + "[\"2026-12-01\",\"DE\",45.50]]"))), AT);

    assertThat(html).contains("<h2>Revenue by country</h2>")
        .contains("<title>CH 2026-11-30: 90</title>").contains("<title>CH 2026-12-01: 0</title>")
        .contains("<title>DE 2026-12-01: 45.50</title>")
        .contains("points=\"70.0,20.0 620.0,240.0\"");
    assertThat(html.split("<polyline", -1)).hasSize(3);
  }

  @Test
  void drawsBarsInProportionWithTheLongestAsWideAsTheChart() {
    String html = LakeReport.html(Map.of(Part.TOP_PRODUCTS, Outcome.of(answer(
        List.of("sku", "units_sold"), "[[\"MUG\",40],[\"LAMP\",10]]"))), AT);

    Matcher bars = BAR.matcher(html);
    assertThat(bars.find()).isTrue();
    assertThat(bars.group(2)).isEqualTo("MUG: 40");
    assertThat(Double.parseDouble(bars.group(1))).isEqualTo(400.0);
    assertThat(bars.find()).isTrue();
    assertThat(bars.group(2)).isEqualTo("LAMP: 10");
    assertThat(Double.parseDouble(bars.group(1))).isEqualTo(100.0);
  }

  @Test
  void labelsEachFunnelStepWithItsShareOfTheVisitors() {
    String html = LakeReport.html(Map.of(Part.FUNNEL, Outcome.of(answer(
        List.of("visitors", "viewed", "added_to_cart", "checked_out", "ordered"),
        "[[8,6,4,2,1]]"))), AT);

    assertThat(html).contains("<title>visitors: 8 (100%)</title>")
        .contains("<title>added to cart: 4 (50%)</title>")
        .contains("<title>ordered: 1 (13%)</title>");
  }

  @Test
  void saysWhyAPartHasNoChartAndEscapesWhatTheLakeSaid() {
    Map<Part, Outcome> outcomes = new EnumMap<>(Part.class);
    outcomes.put(Part.STOCK_TURNOVER, Outcome.missing("Table <refined.stock_turnover> does not"
        + " exist"));
    outcomes.put(Part.TOP_PRODUCTS, Outcome.of(answer(List.of("sku", "units_sold"), "[]")));

    String html = LakeReport.html(outcomes, AT);

    assertThat(html).contains("No data yet: Table &lt;refined.stock_turnover&gt; does not exist")
        .contains("<p class=\"empty\">No data yet.</p>").doesNotContain("<svg");
  }

  @Test
  void isOneFileThatFetchesNothing() {
    String html = LakeReport.html(Map.of(Part.TOP_PRODUCTS, Outcome.of(answer(
        List.of("sku", "units_sold"), "[[\"MUG\",4]]"))), AT);

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .doesNotContain("url(");
  }

  private static LakeAnswer answer(List<String> columns, String rows) {
    try {
      JsonNode json = Json.MAPPER.readTree("{\"columns\":" + Json.MAPPER.writeValueAsString(
          columns.stream().map(name -> Map.of("name", name)).toList()) + ",\"rows\":" + rows
          + ",\"truncated\":false,\"elapsedMs\":1}");
      return LakeAnswer.of(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
