package io.eventshop.launcher.run;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A made-up component for launch tests, run as a child JVM:
 * {@code StubComponent http|tcp PORT READY_AFTER_MS [NEEDED_PORT...]}. It exits with 3 at once if
 * a needed port does not answer (so a launcher that starts it too early fails), takes
 * READY_AFTER_MS to come up like a real service, then answers {@code GET /} with 200 or accepts
 * TCP connections until it is stopped.
 */
public final class StubComponent {

  static final int STARTED_TOO_EARLY = 3;

  private StubComponent() {
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    for (int i = 3; i < args.length; i++) {
      if (!answers(Integer.parseInt(args[i]))) {
        System.out.println("ERROR needed port " + args[i] + " does not answer yet");
        System.exit(STARTED_TOO_EARLY);
      }
    }
    Thread.sleep(Long.parseLong(args[2])); // a slow start, not a wait for an outcome
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    if (args[0].equals("http")) {
      HttpServer server = HttpServer.create(address, 0);
      server.createContext("/", exchange -> {
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
    } else {
      ServerSocket server = new ServerSocket();
      server.bind(address);
      Thread acceptor = new Thread(() -> acceptForever(server), "accept");
      acceptor.start();
    }
    System.out.println("INFO listening on " + port);
  }

  private static void acceptForever(ServerSocket server) {
    while (true) {
      try (Socket ignored = server.accept()) {
        // accepting is all a TCP probe asks
      } catch (IOException e) {
        return;
      }
    }
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
