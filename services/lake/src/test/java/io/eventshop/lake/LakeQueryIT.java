package io.eventshop.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.lake.LakeTables.OrderRow;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lake service on a real port over a real Iceberg table (written and committed with
 * Iceberg's writer, as the sink does) and a real DuckDB: answers, limits, and every kind of
 * statement it refuses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "eventshop.lake.row-limit=500", "eventshop.lake.time-limit=3s",
    "eventshop.lake.refine-every=0s"})
class LakeQueryIT {

  /** Decimals as the service wrote them, not as doubles. */
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Path WAREHOUSE = Path.of("target", "lake-query-it").toAbsolutePath();
  private static final List<OrderRow> ORDERS = orders(120, 0);

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void lake(DynamicPropertyRegistry registry) {
    registry.add("eventshop.lake.warehouse", WAREHOUSE::toString);
  }

  @BeforeAll
  static void landOrders() throws IOException {
    LakeTables.empty(WAREHOUSE).append(ORDERS);
  }

  @Test
  void answersAnAggregateOverTheLandedRowsWithColumnTypes() throws Exception {
    Map<String, BigDecimal> expected = new TreeMap<>();
    ORDERS.forEach(order -> expected.merge(order.country(), order.total(), BigDecimal::add));

    JsonNode answer = ok("SELECT country, sum(total) AS revenue, count(*) AS orders"
        + " FROM raw.orders WHERE order_id LIKE 'order-%' GROUP BY country ORDER BY country");

    assertThat(answer.path("columns").get(0).path("name").asString()).isEqualTo("country");
    assertThat(answer.path("columns").get(0).path("type").asString()).isEqualTo("VARCHAR");
    assertThat(answer.path("columns").get(1).path("type").asString()).startsWith("DECIMAL");
    Map<String, BigDecimal> revenue = new TreeMap<>();
    answer.path("rows").forEach(row -> revenue.put(row.get(0).asString(),
        row.get(1).decimalValue()));
    assertThat(revenue).isEqualTo(expected);
    assertThat(answer.path("truncated").asBoolean()).isFalse();
    assertThat(answer.path("elapsedMs").isIntegralNumber()).isTrue();
  }

  @Test
  void readsEveryOrderOfTheCurrentSnapshotOnce() throws Exception {
    JsonNode answer = ok("SELECT order_id FROM raw.orders WHERE order_id LIKE 'order-%'"
        + " ORDER BY order_id");

    List<String> ids = new ArrayList<>();
    answer.path("rows").forEach(row -> ids.add(row.get(0).asString()));
    assertThat(ids).containsExactlyElementsOf(ORDERS.stream().map(OrderRow::orderId).sorted()
        .toList());
  }

  @Test
  void aNewCommitIsSeenByTheNextQuery() throws Exception {
    long before = ok("SELECT count(*) FROM raw.orders WHERE country = 'IT'").path("rows")
        .get(0).get(0).asLong();

    new LakeTables(WAREHOUSE).append(List.of(new OrderRow("later-1", "IT", new BigDecimal("9.90"),
        OffsetDateTime.now(ZoneOffset.UTC))));

    assertThat(ok("SELECT count(*) FROM raw.orders WHERE country = 'IT'").path("rows").get(0)
        .get(0).asLong()).isEqualTo(before + 1);
  }

  @Test
  void cutsAnswersAtTheRowLimitAndSaysSo() throws Exception {
    JsonNode answer = ok("SELECT * FROM range(1000)");

    assertThat(answer.path("rows").size()).isEqualTo(500);
    assertThat(answer.path("truncated").asBoolean()).isTrue();
  }

  @Test
  void cancelsAQueryBeyondTheTimeLimit() throws Exception {
    HttpResponse<String> answer = post(body("SELECT count(*) FROM range(1000000000000)"));

    assertRefused(answer, "ran longer than the limit of 3000 ms");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                                    | is empty
      -- only a comment                                     | holds only comments
      SELECT 1; SELECT 2                                    | holds 2 statements
      SELECT 1; DROP VIEW raw.orders                        | holds 2 statements
      CREATE TABLE t (a INT)                                | is a CREATE statement
      DROP VIEW raw.orders                                  | is a DROP statement
      INSERT INTO raw.orders VALUES ('x')                   | is a INSERT statement
      UPDATE raw.orders SET country = 'XX'                  | is a UPDATE statement
      DELETE FROM raw.orders                                | is a DELETE statement
      COPY raw.orders TO '/tmp/orders.csv'                  | is a COPY statement
      EXPORT DATABASE '/tmp/lake-export'                    | is a EXPORT statement
      ATTACH '/tmp/other.duckdb' AS other                   | is a ATTACH statement
      INSTALL httpfs                                        | is a INSTALL statement
      LOAD httpfs                                           | is a LOAD statement
      PRAGMA version                                        | is a PRAGMA statement
      SET threads = 8                                       | is a SET statement
      RESET threads                                         | is a RESET statement
      CALL pragma_version()                                 | is a CALL statement
      SELECT * FROM read_csv('/etc/passwd')                 | calls the table function read_csv
      SELECT * FROM read_parquet('/etc/x.parquet')          | calls the table function read_parquet
      SELECT * FROM read_text('/etc/hostname')              | calls the table function read_text
      SELECT * FROM glob('/etc/*')                          | calls the table function glob
      SELECT (SELECT count(*) FROM read_csv('/etc/passwd')) | calls the table function read_csv
      SELECT * FROM duckdb_settings()                       | calls the table function duckdb_settings
      SELECT * FROM '/etc/passwd'                           | reads the file /etc/passwd
      SELEC 1                                               | does not parse
      SELECT * FROM raw.no_such_table                       | failed: Catalog Error
      """)
  void refusesAnythingButOneReadOnlySelectNamingTheReason(String sql, String reason)
      throws Exception {
    assertRefused(post(body(sql)), reason);
  }

  @Test
  void refinesNothingWhileTheRawTablesItReadsHaveNoCommit() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/lake/refine"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    Map<String, String> skipped = new TreeMap<>();
    JSON.readTree(answer.body()).forEach(result -> skipped.put(result.path("table").asString(),
        result.path("skipped").asString()));
    assertThat(skipped).containsExactly(
        Map.entry("refined.customer_lifetime_value", "raw.orders_enriched has no commit yet"),
        Map.entry("refined.daily_funnel", "raw.clickstream has no commit yet"),
        Map.entry("refined.daily_revenue", "raw.orders_enriched has no commit yet"),
        Map.entry("refined.stock_turnover", "raw.stock_levels has no commit yet"));
  }

  @Test
  void refusesABodyThatIsNoJson() throws Exception {
    HttpResponse<String> answer = post("SELECT 1");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/problem+json");
  }

  private static String body(String sql) {
    return JSON.writeValueAsString(Map.of("sql", sql));
  }

  private JsonNode ok(String sql) throws Exception {
    HttpResponse<String> answer = post(body(sql));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static void assertRefused(HttpResponse<String> answer, String reason) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/problem+json");
    JsonNode error = JSON.readTree(answer.body()).path("errors").get(0);
    assertThat(error.path("field").asString()).isEqualTo("sql");
    assertThat(error.path("message").asString()).as(answer.body()).contains(reason);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/api/lake/query"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code count} orders over three days, in five countries. */
  private static List<OrderRow> orders(int count, int from) {
    List<String> countries = List.of("CH", "DE", "FR", "IT", "AT");
    OffsetDateTime day = OffsetDateTime.of(2026, 11, 28, 9, 0, 0, 0, ZoneOffset.UTC);
    return IntStream.range(from, from + count).mapToObj(i -> new OrderRow(
        "order-%04d".formatted(i), countries.get(i % countries.size()),
        new BigDecimal(10 + i % 7 + ".50"), day.plusHours(i % 3 * 24L + i % 10))).toList();
  }
}
