package io.eventshop.connect.lake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.eventshop.contracts.serde.SchemaRegistryClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The registry's {@code GET /schemas/ids/{id}} over a test registry, for a worker in a process of
 * its own: the converter reads records by their schema id, which is all a sink asks of it.
 */
final class RegistryStandIn implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IDS = "/schemas/ids/";
  private final HttpServer server;

  RegistryStandIn(SchemaRegistryClient registry) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(IDS, exchange -> {
      int id = Integer.parseInt(exchange.getRequestURI().getPath().substring(IDS.length()));
      byte[] body = JSON.writeValueAsBytes(Map.of("schema", registry.getById(id).toString()));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
