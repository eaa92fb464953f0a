package io.eventshop.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.lake.LakeTables.EnrichedRow;
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

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void lake(DynamicPropertyRegistry registry) {
    registry.add("eventshop.lake.warehouse", WAREHOUSE::toString);
  }

  @BeforeAll
  static void landEnrichedOrders() throws IOException {
    LakeTables.empty(WAREHOUSE).appendEnriched(EVENTS);
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
