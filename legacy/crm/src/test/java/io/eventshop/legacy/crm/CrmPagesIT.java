package io.eventshop.legacy.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CRM's pages over HTTP, the way a browser posts its forms, against a real PostgreSQL 17
 * (zonky's, with the settings the launcher's component uses); what each page did is read back
 * from the tables with plain SQL, as change data capture will see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrmPagesIT {

  private static final EmbeddedPostgres POSTGRES = start();

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient sql;

  /** Keeps cookies like a browser: the notice after a change is a flash attribute. */
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .build();

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
    } catch (IOException e) {
      throw new IllegalStateException("PostgreSQL did not start", e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }

  @Test
  void seedsThreeHundredLegacyCustomersWithAnAddressEachOnTheFirstStart() throws Exception {
    assertThat(sql.sql("SELECT count(*) FROM customer WHERE id <= 300").query(Integer.class)
        .single()).isEqualTo(300);
    assertThat(sql.sql("SELECT count(*) FROM address WHERE customer_id <= 300")
        .query(Integer.class).single()).isEqualTo(300);
    assertThat(sql.sql("SELECT email FROM customer WHERE id = 1").query(String.class).single())
        .isEqualTo("jonas.frei.1@example.org");

    HttpResponse<String> page = get("/customers");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("customers").contains("Page 1 of");
  }

  @Test
  void createsACustomerWithItsAddressFromTheForm() throws Exception {
    HttpResponse<String> created = post("/customers", person("Grace", "Hopper",
        "grace.hopper@example.com", address("Rue du Lac 4", "1003", "Lausanne", "ch")));

    assertThat(created.statusCode()).isEqualTo(302);
    long id = idIn(created);
    assertThat(get("/customers/" + id).body()).contains("Customer created.", "Grace Hopper",
        "Rue du Lac 4");
    assertThat(sql.sql("SELECT c.first_name || ' ' || c.last_name || ' ' || c.status || ' '"
            + " || a.city || ' ' || a.country FROM customer c JOIN address a"
            + " ON a.customer_id = c.id WHERE c.id = :id").param("id", id)
        .query(String.class).single()).isEqualTo("Grace Hopper ACTIVE Lausanne CH");
  }

  @Test
  void editsTheCustomer() throws Exception {
    long id = idIn(post("/customers", person("Alan", "Turing", "alan@example.com",
        address("Hauptstrasse 1", "3011", "Bern", "CH"))));

    HttpResponse<String> saved = post("/customers/" + id, person("Alan M.", "Turing",
        "alan.turing@example.com", Map.of()));

    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(sql.sql("SELECT first_name || ' ' || email FROM customer WHERE id = :id")
        .param("id", id).query(String.class).single())
        .isEqualTo("Alan M. alan.turing@example.com");
  }

  @Test
  void changesTheAddress() throws Exception {
    long id = idIn(post("/customers", person("Ada", "Lovelace", "ada@example.com",
        address("Seestrasse 9", "8001", "Zürich", "CH"))));

    HttpResponse<String> moved = post("/customers/" + id + "/address",
        address("Ludwigstrasse 2", "80331", "München", "DE"));

    assertThat(moved.statusCode()).isEqualTo(302);
    assertThat(sql.sql("SELECT street || ', ' || postal_code || ' ' || city || ', ' || country"
            + " FROM address WHERE customer_id = :id").param("id", id)
        .query(String.class).single()).isEqualTo("Ludwigstrasse 2, 80331 München, DE");
    assertThat(get("/customers/" + id).body()).contains("Ludwigstrasse 2", "80331 München");
  }

  @Test
  void deactivatesTheCustomer() throws Exception {
    long id = idIn(post("/customers", person("Edsger", "Dijkstra", "edsger@example.com",
        address("Kirchweg 3", "4051", "Basel", "CH"))));

    assertThat(post("/customers/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(302);

    assertThat(sql.sql("SELECT status FROM customer WHERE id = :id").param("id", id)
        .query(String.class).single()).isEqualTo("INACTIVE");
    assertThat(get("/customers/" + id).body()).contains("inactive");
  }

  @Test
  void deletesTheCustomerAndItsAddress() throws Exception {
    long id = idIn(post("/customers", person("Barbara", "Liskov", "barbara@example.com",
        address("Rosenweg 5", "6003", "Luzern", "CH"))));

    assertThat(post("/customers/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);

    assertThat(sql.sql("SELECT count(*) FROM customer WHERE id = :id").param("id", id)
        .query(Integer.class).single()).isZero();
    assertThat(sql.sql("SELECT count(*) FROM address WHERE customer_id = :id").param("id", id)
        .query(Integer.class).single()).isZero();
    HttpResponse<String> gone = get("/customers/" + id);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.body()).contains("There is no customer " + id + ".");
  }

  @Test
  void findsCustomersByPartOfTheirNameEmailOrCity() throws Exception {
    long id = idIn(post("/customers", person("Katherine", "Johnsonova", "kj@example.com",
        address("Poststrasse 8", "9000", "St. Gallen", "CH"))));

    String found = get("/customers?q=johnsonov").body();

    assertThat(found).contains("1 customers matching", "/customers/" + id, "Katherine Johnsonova");
    assertThat(get("/customers?q=nobody-is-called-this").body()).contains("0 customers matching");
    assertThat(get("/customers?q=%25").statusCode()).isEqualTo(200);
  }

  @Test
  void aBadFormComesBackWithAClearMessageAtEachFieldAndWritesNothing() throws Exception {
    int before = sql.sql("SELECT count(*) FROM customer").query(Integer.class).single();

    HttpResponse<String> refused = post("/customers", person("", "Nobody", "not-an-email",
        address("", "8001", "Zürich", "XX")));

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Enter the first name.",
        "Enter an email address such as anna.muller@example.com.",
        "Enter the street and number.",
        "Enter the country as its two-letter ISO code, such as CH, DE or FR.");
    assertThat(sql.sql("SELECT count(*) FROM customer").query(Integer.class).single())
        .isEqualTo(before);
  }

  @Test
  void aTakenEmailIsAMessageNotAnError() throws Exception {
    post("/customers", person("Linus", "One", "linus@example.com",
        address("Dorfstrasse 1", "8400", "Winterthur", "CH")));

    HttpResponse<String> refused = post("/customers", person("Linus", "Two",
        "linus@example.com", address("Dorfstrasse 2", "8400", "Winterthur", "CH")));

    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body()).contains("Another customer already has this email address.");
  }

  @Test
  void anAddressThatIsNoCustomerIsNotFoundOrBadNeverAServerError() throws Exception {
    assertThat(get("/customers/999999").statusCode()).isEqualTo(404);
    assertThat(post("/customers/999999/deactivate", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/customers/abc").statusCode()).isEqualTo(400);
    assertThat(get("/customers?page=zwei").statusCode()).isEqualTo(400);
  }

  private static Map<String, String> person(String first, String last, String email,
                                            Map<String, String> address) {
    Map<String, String> form = new LinkedHashMap<>(Map.of("firstName", first, "lastName", last,
        "email", email, "phone", ""));
    form.putAll(address);
    return form;
  }

  private static Map<String, String> address(String street, String postalCode, String city,
                                             String country) {
    return Map.of("street", street, "postalCode", postalCode, "city", city, "country", country);
  }

  private static long idIn(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(page(path).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(page(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request as a browser asks for a page. */
  private HttpRequest.Builder page(String path) {
    return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
