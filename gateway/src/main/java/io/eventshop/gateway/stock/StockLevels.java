package io.eventshop.gateway.stock;

import io.eventshop.gateway.web.RequestIdFilter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the stock levels of several products from the stock service, a few at a time. A product
 * the stock service has no level of (it never received goods) is left out: to a shopper it has
 * none available, and that is no error.
 */
@Component
public class StockLevels {

  // enough to overlap the hops, few enough not to flood the stock service from one page view
  private static final int CONCURRENCY = 8;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final WebClient stock;

  public StockLevels(ReactorLoadBalancerExchangeFilterFunction loadBalancer) {
    this.stock = WebClient.builder().baseUrl("http://stock").filter(loadBalancer).build();
  }

  /**
   * The levels of those of {@code skus} that have one, in their order; fails with
   * {@link StockUnavailable} if the stock service cannot answer one of them.
   */
  public Mono<List<StockLevel>> of(List<String> skus, String requestId) {
    return Flux.fromIterable(skus).distinct()
        .flatMapSequential(sku -> levelOf(sku, requestId), CONCURRENCY)
        .flatMap(Mono::justOrEmpty)
        .collectList();
  }

  private Mono<Optional<StockLevel>> levelOf(String sku, String requestId) {
    Mono<Optional<StockLevel>> level = stock.get().uri("/api/stock/{sku}", sku)
        .headers(headers -> {
          if (requestId != null) {
            headers.set(RequestIdFilter.HEADER, requestId);
          }
        })
        .retrieve()
        .bodyToMono(StockLevel.class).map(Optional::of)
        .onErrorResume(WebClientResponseException.NotFound.class,
            noLevel -> Mono.just(Optional.empty()))
        .timeout(TIMEOUT)
        .onErrorMap(error -> new StockUnavailable(sku + ": " + error));
    // A read in flight is let finish when the shopper leaves: cancelling it races with its
    // answer arriving, which WebClient then logs as an error; an answer nobody reads is cheap.
    return Mono.fromFuture(level::toFuture, true);
  }

  /** The stock service could not tell a level: unreachable, too slow, or failing. */
  public static final class StockUnavailable extends RuntimeException {

    StockUnavailable(String why) {
      super(why);
    }
  }
}
