package io.eventshop.gateway.clicks;

import java.time.Duration;
import java.util.UUID;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

/**
 * The visitor id: a random value in a first-party cookie, set by the gateway with the shop page
 * ({@link VisitorCookieFilter}) or the first click batch of a browser. It identifies a browser,
 * not a person, and the gateway keeps nothing about it; a value that is not one the gateway could
 * have made is replaced.
 */
final class VisitorCookie {

  static final String NAME = "eventshop_visitor";
  private static final Duration LIFETIME = Duration.ofDays(365);

  private VisitorCookie() {
  }

  /** The visitor id of the request, set as a cookie on the response when it is new. */
  static String visitorOf(ServerWebExchange exchange) {
    HttpCookie cookie = exchange.getRequest().getCookies().getFirst(NAME);
    if (cookie != null && isVisitorId(cookie.getValue())) {
      return cookie.getValue();
    }
    String visitorId = UUID.randomUUID().toString();
    exchange.getResponse().addCookie(ResponseCookie.from(NAME, visitorId)
        .path("/").maxAge(LIFETIME).httpOnly(true).sameSite("Lax").build());
    return visitorId;
  }

  private static boolean isVisitorId(String value) {
    try {
      return UUID.fromString(value).toString().equals(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
