package io.eventshop.legacy.crm.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRM's SQL, written by hand as it always was: every change is a plain INSERT, UPDATE or
 * DELETE on {@code customer} and {@code address}, which is what change data capture sees.
 */
@Repository
public class CustomerRepository {

  private static final String FROM = " FROM customer c JOIN address a ON a.customer_id = c.id";
  private static final String SELECT = """
      SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.status, c.created_at,
             c.updated_at, a.street, a.postal_code, a.city, a.country
      """ + FROM;
  private static final String MATCHES = """
       WHERE c.first_name ILIKE :pattern OR c.last_name ILIKE :pattern OR c.email ILIKE :pattern
          OR a.city ILIKE :pattern OR (c.first_name || ' ' || c.last_name) ILIKE :pattern
      """;

  private final JdbcClient jdbc;

  public CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of the customers whose name, email or city contain {@code text}, by last name. */
  public List<Customer> search(Optional<String> text, int offset, int limit) {
    return matching(SELECT, text,
            " ORDER BY lower(c.last_name), lower(c.first_name), c.id LIMIT :limit OFFSET :offset")
        .param("limit", limit)
        .param("offset", offset)
        .query(CustomerRepository::customer)
        .list();
  }

  public int count(Optional<String> text) {
    return matching("SELECT count(*)" + FROM, text, "")
        .query(Integer.class)
        .single();
  }

  public Optional<Customer> find(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id)
        .query(CustomerRepository::customer).optional();
  }

  /**
   * Inserts the customer and its address in one transaction.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the email is taken
   */
  @Transactional
  public long create(CustomerForm person, Customer.Address address) {
    long id = jdbc.sql("""
            INSERT INTO customer (first_name, last_name, email, phone)
            VALUES (:firstName, :lastName, :email, :phone) RETURNING id""")
        .param("firstName", person.getFirstName())
        .param("lastName", person.getLastName())
        .param("email", person.getEmail())
        .param("phone", person.getPhone())
        .query(Long.class)
        .single();
    jdbc.sql("""
            INSERT INTO address (customer_id, street, postal_code, city, country)
            VALUES (:id, :street, :postalCode, :city, :country)""")
        .params(addressParameters(id, address))
        .update();
    return id;
  }

  /**
   * @return whether the customer exists
   * @throws org.springframework.dao.DuplicateKeyException when the email is taken
   */
  public boolean update(long id, CustomerForm person) {
    return jdbc.sql("""
            UPDATE customer SET first_name = :firstName, last_name = :lastName, email = :email,
                   phone = :phone, updated_at = now()
            WHERE id = :id""")
        .param("firstName", person.getFirstName())
        .param("lastName", person.getLastName())
        .param("email", person.getEmail())
        .param("phone", person.getPhone())
        .param("id", id)
        .update() == 1;
  }

  public boolean changeAddress(long id, Customer.Address address) {
    return jdbc.sql("""
            UPDATE address SET street = :street, postal_code = :postalCode, city = :city,
                   country = :country, updated_at = now()
            WHERE customer_id = :id""")
        .params(addressParameters(id, address))
        .update() == 1;
  }

  public boolean deactivate(long id) {
    return jdbc.sql("UPDATE customer SET status = 'INACTIVE', updated_at = now() WHERE id = :id")
        .param("id", id)
        .update() == 1;
  }

  /** Deletes the customer; its address goes with it ({@code ON DELETE CASCADE}). */
  public boolean delete(long id) {
    return jdbc.sql("DELETE FROM customer WHERE id = :id").param("id", id).update() == 1;
  }

  private static Map<String, Object> addressParameters(long id, Customer.Address address) {
    return Map.of("id", id, "street", address.street(), "postalCode", address.postalCode(),
        "city", address.city(), "country", address.country());
  }

  /** The query for every customer, or for those that match {@code text}. */
  private JdbcClient.StatementSpec matching(String query, Optional<String> text, String rest) {
    if (text.isEmpty()) {
      return jdbc.sql(query + rest);
    }
    String literal = text.get().replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_");
    return jdbc.sql(query + MATCHES + rest).param("pattern", "%" + literal + "%");
  }

  private static Customer customer(ResultSet row, int rowNum) throws SQLException {
    return new Customer(row.getLong("id"), row.getString("first_name"),
        row.getString("last_name"), row.getString("email"), row.getString("phone"),
        Customer.Status.valueOf(row.getString("status")),
        new Customer.Address(row.getString("street"), row.getString("postal_code"),
            row.getString("city"), row.getString("country")),
        row.getObject("created_at", OffsetDateTime.class),
        row.getObject("updated_at", OffsetDateTime.class));
  }
}
