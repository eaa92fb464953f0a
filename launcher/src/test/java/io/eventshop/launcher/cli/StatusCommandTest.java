package io.eventshop.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventshop.launcher.Main;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.probe.JdbcProbe;
import io.eventshop.launcher.probe.TcpProbe;
import io.eventshop.launcher.run.Json;
import io.eventshop.launcher.run.RunFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} asks each component of {@code run.json} with the probe {@code up} used. */
class StatusCommandTest {

  @TempDir
  Path dataDir;

  @Test
  void asksADatabaseByJdbcAndShowsItsJdbcUrl() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
         ServerSocket archive = new ServerSocket()) {
      archive.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      String jdbcUrl = ComponentKind.DATABASE.url(postgres.getPort());
      String archiveUrl = ComponentKind.SERVICE.url(archive.getLocalPort());
      new RunFile(dataDir).write(new RunFile.Run(ProcessHandle.current().pid(), null, List.of(
          new RunFile.Entry("postgres", ComponentKind.DATABASE, jdbcUrl, null,
              new JdbcProbe("postgres", "SELECT 1")),
          new RunFile.Entry("archive", ComponentKind.SERVICE, archiveUrl, null,
              new TcpProbe()))));

      JsonNode healthy = status(0);

      assertThat(healthy.get(0).get("name").asText()).isEqualTo("postgres");
      assertThat(healthy.get(0).get("kind").asText()).isEqualTo("database");
      assertThat(healthy.get(0).get("url").asText())
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
      assertThat(healthy.findValues("healthy")).allMatch(JsonNode::asBoolean);

      archive.close();
      assertThat(status(1).findValues("healthy")).extracting(JsonNode::asBoolean)
          .containsExactly(true, false);
    }
  }

  private JsonNode status(int expectedExit) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = Main.run("status", "--data-dir", dataDir.toString(), "--json");
    } finally {
      System.setOut(original);
    }
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
    return Json.MAPPER.readTree(out.toString(StandardCharsets.UTF_8)).get("components");
  }
}
