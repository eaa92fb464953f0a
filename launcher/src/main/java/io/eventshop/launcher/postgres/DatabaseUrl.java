package io.eventshop.launcher.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL JDBC URL, {@code jdbc:postgresql://host:port/database[?user=name]}, as the CRM's
 * database is named in a run: the embedded server's, or an existing one given with
 * {@code --postgres-url} and {@code --postgres-user}. The user rides in the URL, so that every
 * component of the run (the CRM, the Connect worker, {@code status}) logs in as the same user;
 * the password never does: it is read from {@link #PASSWORD_ENV} by whoever needs it.
 *
 * @param host     the server's host
 * @param port     its port (5432 when the URL names none)
 * @param database the database
 * @param user     the user ({@code postgres} when the URL names none)
 */
public record DatabaseUrl(String host, int port, String database, String user) {

  /** The password of an existing PostgreSQL, from the environment only: never in arguments. */
  public static final String PASSWORD_ENV = "EVENTSHOP_POSTGRES_PASSWORD";
  private static final String PREFIX = "jdbc:postgresql://";

  /**
   * Reads {@code url}.
   *
   * @throws IllegalArgumentException when it is not a {@code jdbc:postgresql://host/db} URL
   */
  public static DatabaseUrl parse(String url) {
    if (url == null || !url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("expected jdbc:postgresql://host[:port]/database, got: "
          + url);
    }
    URI uri = URI.create(url.substring("jdbc:".length()));
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (uri.getHost() == null || path.length() < 2) {
      throw new IllegalArgumentException("expected jdbc:postgresql://host[:port]/database, got: "
          + url);
    }
    String user = PostgresServer.SUPERUSER;
    if (uri.getRawQuery() != null) {
      for (String parameter : uri.getRawQuery().split("&")) {
        if (parameter.startsWith("user=")) {
          user = URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8);
        }
      }
    }
    return new DatabaseUrl(uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(),
        path.substring(1), user);
  }

  /** {@code url} with {@code user} set, e.g. for {@code --postgres-url U --postgres-user N}. */
  public static String withUser(String url, String user) {
    String encoded = URLEncoder.encode(user, StandardCharsets.UTF_8);
    return url + (url.contains("?") ? "&" : "?") + "user=" + encoded;
  }

  /** The password of {@link #PASSWORD_ENV}, empty when it is not set (the embedded server). */
  public static String password() {
    String password = System.getenv(PASSWORD_ENV);
    return password == null ? "" : password;
  }
}
