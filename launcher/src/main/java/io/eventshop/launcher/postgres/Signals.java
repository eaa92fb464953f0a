package io.eventshop.launcher.postgres;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Signals Java has no call for. PostgreSQL reads SIGTERM as a <em>smart</em> shutdown, which waits
 * for every client to disconnect; SIGINT is the fast one that a stop should use.
 */
final class Signals {

  private Signals() {
  }

  static void interrupt(long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
        .redirectErrorStream(true).start();
    kill.getInputStream().transferTo(OutputStream.nullOutputStream());
    kill.waitFor();
  }
}
