package io.eventshop.launcher.catalogue;

import io.eventshop.launcher.run.StartContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway is told beyond the service conventions: where the services of this run listen
 * (every instance, so that moved ports and extra instances are reached), which applications with
 * pages of their own its admin page links to (the legacy CRM), and that pages served from its own
 * port may call it.
 */
final class GatewayRoutes {

  private GatewayRoutes() {
  }

  static List<String> arguments(StartContext gateway) {
    Map<String, String> urls = new LinkedHashMap<>();
    gateway.plan().instances().stream()
        .filter(i -> i.spec().kind() == ComponentKind.SERVICE)
        .forEach(i -> urls.merge(i.spec().name(), i.url(), (a, b) -> a + "," + b));
    List<String> arguments = new ArrayList<>();
    urls.forEach((service, list) ->
        arguments.add("--eventshop.gateway.services." + service + "=" + list));
    gateway.plan().instances().stream()
        .filter(i -> i.spec().kind() == ComponentKind.WEB_APP && i.instance() == 1)
        .forEach(app -> arguments.add("--eventshop.gateway.links." + app.spec().name() + "="
            + app.url()));
    arguments.add("--eventshop.gateway.cors.allowed-origins=http://localhost:"
        + gateway.instance().port() + "," + gateway.instance().url());
    return arguments;
  }
}
