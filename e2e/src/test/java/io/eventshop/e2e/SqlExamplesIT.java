package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.bench.load.ShopApi.Line;
import io.eventshop.e2e.EventshopCli.Run;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code services/sql/examples} run headless ({@code ./eventshop sql --file})
 * against the running shop, over data made through the shop's API, and print the rows their
 * queries promise. Each reads its topics from the earliest offset, so rows of other tests may
 * come first: the checks hold for any row the query may print.
 */
class SqlExamplesIT {

  private static final Path EXAMPLES = Path.of(System.getProperty("eventshop.home", ".."))
      .resolve("services/sql/examples").toAbsolutePath().normalize();

  private static RunningShop shop;
  private static ShopApi api;
  private static String sku;

  @BeforeAll
  static void start() {
    shop = RunningShop.get();
    api = ShopApi.viaGateway(shop);
    sku = "SQL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    api.createProduct(sku, "Sql", "5.00");
    api.receiveStock(sku, 1000);
  }

  @Test
  void customersInSwitzerlandPrintsOnlySwissCustomers() throws Exception {
    String german = registerGermanCustomer();
    for (int i = 0; i < 3; i++) {
      api.createCustomer("Swiss " + UUID.randomUUID().toString().substring(0, 8), "100.00");
    }

    Run run = EventshopCli.run(shop, "sql", "--file",
        EXAMPLES.resolve("customers-in-switzerland.sql").toString());

    assertThat(run.exit()).as(run.output()).isZero();
    List<String> rows = rowsOf(run.output(), "id | name | city | country");
    assertThat(rows).as(run.output()).hasSize(3)
        .allSatisfy(row -> assertThat(row).endsWith("| CH"));
    assertThat(run.output()).contains("(3 rows)").doesNotContain(german);
  }

  @Test
  void enrichedOrdersPrintsOrdersWithTheirCustomersName() throws Exception {
    for (int i = 0; i < 5; i++) {
      String customer = api.createCustomer("Buyer " + UUID.randomUUID().toString()
          .substring(0, 8), "1000.00");
      api.placeOrderId(customer, List.of(new Line(sku, 1)));
    }

    Run run = EventshopCli.run(shop, "sql", "--file",
        EXAMPLES.resolve("enriched-orders.sql").toString());

    assertThat(run.exit()).as(run.output()).isZero();
    List<String> rows = rowsOf(run.output(), "orderId | customerId | name | country | total");
    assertThat(rows).as(run.output()).hasSize(5).allSatisfy(row -> {
      String[] cells = row.split(" \\| ");
      assertThat(cells).hasSize(5);
      assertThat(cells[2].strip()).as("the customer's name").isNotEmpty().isNotEqualTo("null");
      assertThat(cells[3].strip()).isEqualTo("CH");
    });
  }

  @Test
  void fraudPrintsACustomerWithMoreThanTwoOrdersInAWindow() throws Exception {
    String frequent = api.createCustomer("Frequent " + UUID.randomUUID().toString()
        .substring(0, 8), "1000.00");
    for (int i = 0; i < 3; i++) {
      api.placeOrderId(frequent, List.of(new Line(sku, 1)));
    }

    CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> {
      try {
        return EventshopCli.run(shop, "sql", "--file", EXAMPLES.resolve("fraud.sql").toString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // A window's row comes when event time passes its end: later orders (of other customers)
    // move it on, as a shop's traffic would.
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    while (!run.isDone() && Instant.now().isBefore(giveUp)) {
      String other = api.createCustomer("Later " + UUID.randomUUID().toString().substring(0, 8),
          "1000.00");
      api.placeOrderId(other, List.of(new Line(sku, 1)));
      try {
        run.get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // one more order, then look again
      }
    }

    Run done = run.get(1, TimeUnit.SECONDS);
    assertThat(done.exit()).as(done.output()).isZero();
    assertThat(done.output()).contains("sql-frequent-buyers", "(1 row)");
    List<String> rows = rowsOf(done.output(),
        "customerId | orders | windowStart | windowEnd | ROWTIME");
    assertThat(rows).as(done.output()).hasSize(1);
    assertThat(Integer.parseInt(rows.get(0).split(" \\| ")[1].strip())).isGreaterThan(2);
  }

  /** The rows printed under a push query's header, up to its count. */
  private static List<String> rowsOf(String output, String header) {
    List<String> rows = new ArrayList<>();
    boolean under = false;
    for (String line : output.lines().toList()) {
      if (line.equals(header)) {
        under = true;
      } else if (under && line.matches("\\((\\d+ rows?|cancelled after .*)\\)")) {
        break;
      } else if (under) {
        rows.add(line);
      }
    }
    return rows;
  }

  /** A customer outside Switzerland, which the example's WHERE must leave out. */
  private static String registerGermanCustomer() throws Exception {
    String name = "German " + UUID.randomUUID().toString().substring(0, 8);
    String body = "{\"name\":\"" + name + "\",\"email\":\"" + name.replace(" ", "").toLowerCase()
        + "@example.org\",\"address\":{\"street\":\"Unter den Linden 1\",\"zip\":\"10117\","
        + "\"city\":\"Berlin\",\"country\":\"DE\"},\"creditLimit\":100.00}";
    HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(shop.url("gateway").orElseThrow() + "/api/customers"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    return name;
  }
}
