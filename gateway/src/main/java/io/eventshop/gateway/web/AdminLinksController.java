package io.eventshop.gateway.web;

import io.eventshop.gateway.GatewayProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/links}: the applications beside the shop that the admin page links to
 * (the legacy CRM's pages), as the launcher told the gateway; none when it runs without them.
 */
@RestController
@Tag(name = "Admin", description = "What the shop's admin page shows beside the shop")
public class AdminLinksController {

  /** One application: its name in the run and the base URL of its pages. */
  public record AdminLink(String name, URI url) {
  }

  private final List<AdminLink> links;

  public AdminLinksController(GatewayProperties properties) {
    this.links = properties.links().entrySet().stream()
        .map(link -> new AdminLink(link.getKey(), link.getValue()))
        .sorted(Comparator.comparing(AdminLink::name))
        .toList();
  }

  @GetMapping("/api/admin/links")
  @Operation(summary = "The applications beside the shop",
      description = "Name and base URL of each application with pages of its own in this run.")
  public List<AdminLink> links() {
    return links;
  }
}
