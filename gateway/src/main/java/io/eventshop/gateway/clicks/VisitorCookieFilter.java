package io.eventshop.gateway.clicks;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives a new browser its visitor cookie with the shop page itself, before it sends any click.
 * Set only by the first click batch, two batches sent before the first answer came back (a timer's
 * batch and the beacon of a page being left, on a slow network) would each be given a new visitor,
 * and the visit would split in two.
 */
@Component
class VisitorCookieFilter implements WebFilter {

  private static final Set<String> SHOP_PAGE = Set.of("/", "/index.html");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (HttpMethod.GET.equals(exchange.getRequest().getMethod())
        && SHOP_PAGE.contains(exchange.getRequest().getPath().value())) {
      VisitorCookie.visitorOf(exchange);
    }
    return chain.filter(exchange);
  }
}
