package io.eventshop.gateway.routing;

import io.eventshop.gateway.GatewayProperties;
import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import reactor.core.publisher.Flux;

/**
 * The service instances named in {@code eventshop.gateway.services}, offered to Spring Cloud
 * LoadBalancer: a route to {@code lb://order} balances between every URL configured for order.
 * The launcher knows where it started each instance, so a static list is all the discovery needed.
 */
public class ConfiguredServiceInstances implements ReactiveDiscoveryClient {

  private final GatewayProperties gateway;

  public ConfiguredServiceInstances(GatewayProperties gateway) {
    this.gateway = gateway;
  }

  @Override
  public String description() {
    return "instances from eventshop.gateway.services";
  }

  @Override
  public Flux<ServiceInstance> getInstances(String serviceId) {
    List<URI> urls = gateway.services().getOrDefault(serviceId, List.of());
    return Flux.range(0, urls.size()).map(i -> instance(serviceId, i + 1, urls.get(i)));
  }

  @Override
  public Flux<String> getServices() {
    return Flux.fromIterable(gateway.services().keySet());
  }

  private static ServiceInstance instance(String serviceId, int number, URI url) {
    boolean secure = "https".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() >= 0 ? url.getPort() : (secure ? 443 : 80);
    return new DefaultServiceInstance(serviceId + "-" + number, serviceId, url.getHost(), port,
        secure);
  }
}
