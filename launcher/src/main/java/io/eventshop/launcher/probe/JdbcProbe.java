package io.eventshop.launcher.probe;

import io.eventshop.launcher.postgres.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Ready when a JDBC connection to the component's URL runs {@code query} and it returns a row: a
 * PostgreSQL server accepts connections before it can answer queries (while it recovers, say).
 *
 * @param user  the database user (the embedded PostgreSQL's is {@code postgres}, no password)
 * @param query a query that returns at least one row when the database is usable
 */
public record JdbcProbe(String user, String query) implements ReadinessProbe {

  private static final String TIMEOUT_SECONDS = "2";

  @Override
  public boolean isReady(String url, Optional<Path> kafkaProperties) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    // an existing server's password; a user in the URL wins over this one (PgJDBC's rule)
    properties.setProperty("password", DatabaseUrl.password());
    // PostgreSQL driver settings; other drivers ignore what they do not know
    properties.setProperty("connectTimeout", TIMEOUT_SECONDS);
    properties.setProperty("loginTimeout", TIMEOUT_SECONDS);
    try (Connection connection = DriverManager.getConnection(url, properties);
         Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(Integer.parseInt(TIMEOUT_SECONDS));
      try (ResultSet rows = statement.executeQuery(query)) {
        return rows.next();
      }
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public String question(String url) {
    return query + " on " + url;
  }

  @Override
  public String outcome() {
    return "ready";
  }
}
