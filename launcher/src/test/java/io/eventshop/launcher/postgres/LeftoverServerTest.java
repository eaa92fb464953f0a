package io.eventshop.launcher.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a server left running on a data directory: never a process it is not. */
class LeftoverServerTest {

  @TempDir
  Path dataDir;

  @Test
  void findsNothingWithoutAPidFile() throws Exception {
    assertThat(LeftoverServer.find(dataDir)).isEmpty();
  }

  @Test
  void takesALivingProcessThatIsNoPostgresForAReusedPidAndLeavesItAlone() throws Exception {
    writePidFile(ProcessHandle.current().pid(), dataDir.toAbsolutePath());

    assertThat(LeftoverServer.find(dataDir)).isEmpty();
  }

  @Test
  void takesAPidWhoseProcessIsGoneForAStaleFile() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writePidFile(gone.pid(), dataDir.toAbsolutePath());

    assertThat(LeftoverServer.find(dataDir)).isEmpty();
  }

  @Test
  void ignoresAPidFileOfAnotherDataDirectory() throws Exception {
    writePidFile(ProcessHandle.current().pid(), Path.of("/elsewhere"));

    assertThat(LeftoverServer.find(dataDir)).isEmpty();
  }

  /** The first lines of PostgreSQL's postmaster.pid: the pid, then the data directory. */
  private void writePidFile(long pid, Path directory) throws Exception {
    Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + directory + "\n"
        + "1764590000\n15432\n\n127.0.0.1\n");
  }
}
