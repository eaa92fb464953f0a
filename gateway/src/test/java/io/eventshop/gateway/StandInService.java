package io.eventshop.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for one of the shop's services: answers every request with its
 * own name and the path it saw (or what the test told it to answer there), remembers each
 * request, and serves {@code /api/orders/stream} as a server-sent event stream whose second
 * event waits until the test releases it.
 */
final class StandInService implements AutoCloseable {

  /** What the stand-in saw of one request. */
  record Seen(String method, String path, Headers headers) {
  }

  /** A canned answer for one path. */
  private record Canned(int status, String json) {
  }

  private final String name;
  private final HttpServer server;
  private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
  private final CountDownLatch secondEvent = new CountDownLatch(1);
  private final Map<String, Canned> canned = new ConcurrentHashMap<>();

  StandInService(String name) throws IOException {
    this.name = name;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.createContext("/api/orders/stream", this::stream);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The request to {@code path} this stand-in saw (waiting at most five seconds), or null. */
  Seen requestTo(String path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Seen next; (next = seen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
      if (next.path().equals(path)) {
        return next;
      }
    }
    return null;
  }

  /** From now on answers {@code path} with {@code status} and this JSON instead of its name. */
  StandInService serve(String path, int status, String json) {
    canned.put(path, new Canned(status, json));
    return this;
  }

  void releaseSecondEvent() {
    secondEvent.countDown();
  }

  private void answer(HttpExchange exchange) throws IOException {
    remember(exchange);
    String path = exchange.getRequestURI().getPath();
    Canned answer = canned.getOrDefault(path, new Canned(200,
        "{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}"));
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    remember(exchange);
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write("event:order\ndata:{\"state\":\"PLACED\"}\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      if (secondEvent.await(10, TimeUnit.SECONDS)) {
        out.write("event:order\ndata:{\"state\":\"VALIDATED\"}\n\n"
            .getBytes(StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void remember(HttpExchange exchange) {
    seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestHeaders()));
  }

  @Override
  public void close() {
    secondEvent.countDown();
    server.stop(0);
  }
}
