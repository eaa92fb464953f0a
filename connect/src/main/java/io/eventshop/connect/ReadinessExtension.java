package io.eventshop.connect;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.rest.ConnectRestExtensionContext;

/**
 * Adds {@code GET /eventshop/ready} to the worker's REST API: 200 once the worker has applied the
 * repository's connectors, 503 before. Connect's own {@code GET /health} is healthy as soon as the
 * worker runs, before its connectors exist; the launcher asks this instead, so that {@code ready}
 * means the change capture is configured, and a connector refused at start is reported as a
 * failed start rather than as a crash after it.
 *
 * <p>Connect instantiates the extension (listed in {@code rest.extension.classes}); the worker's
 * main class, in the same class loader, marks the moment through {@link #connectorsApplied()}.
 */
public final class ReadinessExtension implements ConnectRestExtension {

  private static final AtomicBoolean APPLIED = new AtomicBoolean();

  /** Called by the worker once every connector file is applied. */
  static void connectorsApplied() {
    APPLIED.set(true);
  }

  @Override
  public void register(ConnectRestExtensionContext context) {
    context.configurable().register(new ReadyResource());
  }

  @Override
  public void configure(Map<String, ?> configs) {
  }

  @Override
  public void close() {
  }

  @Override
  public String version() {
    return AppInfoParser.getVersion();
  }

  /** The resource itself; public for Jersey. */
  @Path("/eventshop")
  public static final class ReadyResource {

    @GET
    @Path("/ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
      return APPLIED.get()
          ? Response.ok(Map.of("status", "ready")).build()
          : Response.status(Response.Status.SERVICE_UNAVAILABLE)
              .entity(Map.of("status", "applying connectors")).build();
    }
  }
}
