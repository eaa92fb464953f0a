package io.eventshop.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.lake.LakeTables.ClickRow;
import io.eventshop.lake.LakeTables.EnrichedRow;
import io.eventshop.lake.LakeTables.LevelRow;
import io.eventshop.lake.LakeTables.Line;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refined zone rebuilt from a raw zone written as the sink writes it, then read twice: by
 * the service's SQL and by Iceberg's own reader, both giving what the raw rows add up to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "eventshop.lake.refine-every=0s")
class LakeRefineIT {

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Path WAREHOUSE = Path.of("target", "lake-refine-it").toAbsolutePath();
  private static final OffsetDateTime DAY_1 = OffsetDateTime.of(2026, 11, 30, 10, 0, 0, 0,
      ZoneOffset.UTC);
  private static final OffsetDateTime DAY_2 = DAY_1.plusDays(1);
  private static final Line MUG = new Line("MUG", 2, new BigDecimal("12.50"), "Kitchen");
  private static final Line LAMP = new Line("LAMP", 1, new BigDecimal("40.00"), "Living");
  private static final List<EnrichedRow> EVENTS = List.of(
      placed("o1", "CH", DAY_1, MUG, LAMP), validated("o1", "CH", DAY_1, MUG, LAMP),
      placed("o2", "CH", DAY_1, MUG), validated("o2", "CH", DAY_1, MUG),
      placed("o3", "DE", DAY_1, LAMP), event("o3", "DE", "REJECTED", DAY_1, LAMP),
      placed("o4", "DE", DAY_2, LAMP), validated("o4", "DE", DAY_2, LAMP),
      placed("o5", "FR", DAY_2, MUG), validated("o5", "FR", DAY_2, MUG),
      event("o5", "FR", "CANCELLED", DAY_2, MUG));

  /** Levels by offset per sku, listed out of order: the table's row order means nothing. */
  private static final List<LevelRow> LEVELS = List.of(
      new LevelRow("MUG", 30, 4, 3, DAY_2), new LevelRow("MUG", 10, 0, 0, DAY_1),
      new LevelRow("MUG", 10, 2, 1, DAY_1), new LevelRow("MUG", 10, 4, 2, DAY_1),
      new LevelRow("LAMP", 5, 2, 2, DAY_2), new LevelRow("LAMP", 5, 0, 0, DAY_1),
      new LevelRow("LAMP", 5, 1, 1, DAY_1), new LevelRow("VASE", 3, 0, 0, DAY_1));
  /** The last minutes of DAY_2 in UTC: a day of the funnel is a UTC day. */
  private static final OffsetDateTime LATE_DAY_2 = DAY_2.withHour(23).withMinute(50);
  private static final List<ClickRow> CLICKS = List.of(
      click("v1", "PRODUCT_VIEW", DAY_1), click("v1", "ADD_TO_CART", DAY_1),
      checkout("v1", "o1", DAY_1),
      click("v2", "PRODUCT_VIEW", DAY_1), click("v2", "PRODUCT_VIEW", DAY_1),
      click("v2", "ADD_TO_CART", DAY_1), checkout("v2", "o3", DAY_1),
      click("v3", "PAGE_VIEW", DAY_1), click("v3", "PRODUCT_VIEW", DAY_1),
      click("v4", "PAGE_VIEW", DAY_1),
      click("v1", "PRODUCT_VIEW", DAY_2), click("v1", "ADD_TO_CART", DAY_2),
      checkout("v1", "o5", DAY_2),
      click("v5", "SEARCH", DAY_2), click("v5", "PRODUCT_VIEW", DAY_2),
      click("v5", "ADD_TO_CART", LATE_DAY_2), checkout("v5", "o4", LATE_DAY_2));

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void lake(DynamicPropertyRegistry registry) {
    registry.add("eventshop.lake.warehouse", WAREHOUSE::toString);
  }

  @BeforeAll
  static void landEnrichedOrders() throws IOException {
    LakeTables lake = LakeTables.empty(WAREHOUSE);
    lake.appendEnriched(EVENTS);
    lake.appendLevels(LEVELS);
    lake.appendClicks(CLICKS);
  }

  @Test
  void stockTurnoverIsUnitsSoldOverTheAverageOfOpeningAndClosingAvailableStock()
      throws Exception {
    refine();

    JsonNode answer = query("SELECT sku, units_received, units_sold, average_stock, turnover"
        + " FROM refined.stock_turnover ORDER BY sku");

    List<String> rows = new ArrayList<>();
    answer.path("rows").forEach(row -> rows.add(row.get(0).asString() + " received "
        + row.get(1).asLong() + ", sold " + row.get(2).asLong() + ", average "
        + row.get(3).asDouble() + ", turnover " + row.get(4).asDouble()));
    // sold: MUG 2 (o1) + 2 (o2), LAMP 1 (o1) + 1 (o4); o3 rejected, o5 (MUG 2) cancelled.
    // available by offset: MUG 10, 8, 6, 26 -> (10 + 26) / 2 = 18; LAMP 5, 4, 3 -> 4; VASE 3
    assertThat(rows).containsExactly(
        "LAMP received 5, sold 2, average 4.0, turnover 0.5",
        "MUG received 30, sold 4, average 18.0, turnover 0.2222",
        "VASE received 3, sold 0, average 3.0, turnover 0.0");
  }

  @Test
  void dailyFunnelCountsEachDaysVisitorsAtEveryStepAndTheirRatios() throws Exception {
    refine();

    JsonNode answer = query("SELECT day, visitors, viewed, added_to_cart, checked_out, ordered,"
        + " view_rate, cart_rate, checkout_rate, order_rate, conversion"
        + " FROM refined.daily_funnel ORDER BY day");

    List<String> rows = new ArrayList<>();
    answer.path("rows").forEach(row -> {
      List<String> cells = new ArrayList<>();
      row.forEach(cell -> cells.add(cell.asString()));
      rows.add(String.join(" ", cells));
    });
    // day 1: v1-v4 visit; v1, v2, v3 view; v1, v2 add and check out; only v1's o1 was kept.
    // day 2: v1 and v5 do every step; v1's o5 was cancelled, v5's o4 kept
    assertThat(rows).containsExactly(
        "2026-11-30 4 3 2 2 1 0.75 0.6667 1.0 0.5 0.25",
        "2026-12-01 2 2 2 2 1 1.0 1.0 1.0 0.5 0.5");
  }

  @Test
  void dailyRevenueCountsValidatedOrdersNotCancelledByDayCountryAndCategory() throws Exception {
    refine();

    JsonNode answer = query("SELECT day, country, category, orders, units, revenue"
        + " FROM refined.daily_revenue ORDER BY day, country, category");

    Map<String, String> rows = new TreeMap<>();
    answer.path("rows").forEach(row -> rows.put(row.get(0).asString() + " " + row.get(1)
        .asString() + " " + row.get(2).asString(), row.get(3).asLong() + " orders, "
        + row.get(4).asLong() + " units, " + row.get(5).decimalValue()));
    assertThat(rows).containsExactly(
        Map.entry("2026-11-30 CH Kitchen", "2 orders, 4 units, 50.00"),
        Map.entry("2026-11-30 CH Living", "1 orders, 1 units, 40.00"),
        Map.entry("2026-12-01 DE Living", "1 orders, 1 units, 40.00"));
  }

  @Test
  void customerLifetimeValueSumsEachCustomersKeptOrders() throws Exception {
    refine();

    JsonNode answer = query("SELECT customer_id, orders, revenue"
        + " FROM refined.customer_lifetime_value ORDER BY customer_id");

    List<String> rows = new ArrayList<>();
    answer.path("rows").forEach(row -> rows.add(row.get(0).asString() + " "
        + row.get(1).asLong() + " " + row.get(2).decimalValue()));
    // o1 (65.00) and o2 (25.00) are c-CH's, o4 is c-DE's; o3 was rejected, o5 cancelled
    assertThat(rows).containsExactly("c-CH 2 90.00", "c-DE 1 40.00");
  }

  @Test
  void aRefinedTableIsIcebergThatIcebergsOwnReaderReadsAndARebuildReplaces() throws Exception {
    JsonNode first = refine();
    JsonNode second = refine();

    Table table = catalog().loadTable(TableIdentifier.of("refined", "daily_revenue"));
    BigDecimal revenue = BigDecimal.ZERO;
    int rows = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        revenue = revenue.add((BigDecimal) record.getField("revenue"));
        rows++;
      }
    }
    assertThat(rows).isEqualTo(3);
    assertThat(revenue).isEqualByComparingTo("130.00");
    assertThat(first.get(0).path("rows").asLong()).isEqualTo(3);
    assertThat(second.get(0).path("rows").asLong()).isEqualTo(3);
    assertThat(table.currentSnapshot().summary()).containsEntry("total-data-files", "1");
  }

  private JsonNode refine() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/lake/refine"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private JsonNode query(String sql) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/lake/query"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("sql", sql))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HadoopCatalog catalog() {
    HadoopCatalog catalog = new HadoopCatalog();
    catalog.setConf(new Configuration());
    catalog.initialize("test", Map.of("warehouse", WAREHOUSE.toString()));
    return catalog;
  }

  private static ClickRow click(String visitor, String action, OffsetDateTime at) {
    return new ClickRow(visitor, action, "MUG", null, at);
  }

  private static ClickRow checkout(String visitor, String orderId, OffsetDateTime at) {
    return new ClickRow(visitor, "CHECKOUT", null, orderId, at);
  }

  private static EnrichedRow placed(String id, String country, OffsetDateTime at, Line... lines) {
    return event(id, country, "PLACED", at, lines);
  }

  private static EnrichedRow validated(String id, String country, OffsetDateTime at,
                                       Line... lines) {
    return event(id, country, "VALIDATED", at, lines);
  }

  private static EnrichedRow event(String id, String country, String state, OffsetDateTime at,
                                   Line... lines) {
    return new EnrichedRow(id, "c-" + country, country, state, at, List.of(lines));
  }
}
