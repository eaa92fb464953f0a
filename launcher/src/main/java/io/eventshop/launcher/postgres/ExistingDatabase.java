package io.eventshop.launcher.postgres;

import io.eventshop.launcher.LauncherException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An existing PostgreSQL the run uses instead of starting its own ({@code --postgres-url}):
 * checked once before the CRM and the Connect worker start, so that a wrong address, login or
 * setting is one clear line instead of two components failing later.
 */
public final class ExistingDatabase {

  private static final String HOW_TO_FIX = "check --postgres-url, --postgres-user and "
      + DatabaseUrl.PASSWORD_ENV;

  private ExistingDatabase() {
  }

  /**
   * Logs in as the URL's user and asks for {@code wal_level}.
   *
   * @throws LauncherException when the server cannot be reached or logged in to, or does not
   *                           write a logical WAL (Debezium reads changes from it)
   */
  public static void check(String url) {
    DatabaseUrl database = DatabaseUrl.parse(url);
    String walLevel;
    try (Connection connection = DriverManager.getConnection(url, database.user(),
        DatabaseUrl.password());
         Statement statement = connection.createStatement();
         ResultSet row = statement.executeQuery("SELECT current_setting('wal_level')")) {
      row.next();
      walLevel = row.getString(1);
    } catch (SQLException e) {
      throw new LauncherException("cannot use the PostgreSQL at " + url + " as "
          + database.user() + ": " + e.getMessage() + " (" + HOW_TO_FIX + ")",
          LauncherException.FAILED);
    }
    if (!"logical".equals(walLevel)) {
      throw new LauncherException("the PostgreSQL at " + url + " has wal_level=" + walLevel
          + "; change data capture needs logical (ALTER SYSTEM SET wal_level = logical, then"
          + " restart the server)", LauncherException.FAILED);
    }
  }
}
