package io.eventshop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-client token bucket of the gateway, against a stand-in service. */
class RateLimitIT {

  @Test
  void refusesABurstBeyondTheBucketWithRetryAfterAndAProblem() throws Exception {
    try (StandInService product = new StandInService("product");
         RunningGateway gateway = new RunningGateway(
             "--eventshop.gateway.services.product=" + product.url(),
             "--eventshop.gateway.rate-limit.burst=5",
             "--eventshop.gateway.rate-limit.requests-per-second=0.1")) {
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        responses.add(gateway.get("/api/products/sku-" + i));
      }
      HttpResponse<String> page = gateway.get("/");

      assertThat(responses).extracting(HttpResponse::statusCode)
          .containsExactly(200, 200, 200, 200, 200, 429, 429, 429);
      HttpResponse<String> refused = responses.get(5);
      assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
          seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(refused.body()).contains("\"status\":429");
      assertThat(page.statusCode()).as("the web UI is not rate limited").isEqualTo(200);
    }
  }
}
