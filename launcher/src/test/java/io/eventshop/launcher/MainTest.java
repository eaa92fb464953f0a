package io.eventshop.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.process.ServiceJars;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void captureConsole() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreConsole() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  @Test
  void upExitsWithTwoAndOneLineWhenTheKafkaPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

      int exit = Main.run("up", "--home", home.toString(), "--kafka-port",
          String.valueOf(taken.getLocalPort()), "--controller-port",
          String.valueOf(KafkaBroker.freePort()));

      assertThat(exit).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8).strip())
          .isEqualTo("port " + taken.getLocalPort() + " for kafka is already in use; stop what"
              + " uses it or choose another port with --kafka-port PORT");
      assertThat(Files.exists(home.resolve("data/kafka"))).isFalse();
    }
  }

  @Test
  void upExitsWithTwoOnAnUnknownComponent() {
    assertThat(Main.run("up", "--home", home.toString(), "--instances", "nosuch=2")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--instances nosuch: no such component");
  }

  @Test
  void upExitsWithTwoNamingTheValidNamesOnAnUnknownOnly() {
    assertThat(Main.run("up", "--home", home.toString(), "--only", "shop,shoop")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("--only shoop: no such"
        + " component or group (components: kafka, schema-registry, product, customer, stock,"
        + " order, analytics, search, sql, lake, gateway, postgres, legacy-crm, connect; groups:"
        + " legacy, shop)");
  }

  @Test
  void upExitsWithTwoWhenWithoutTakesAwayWhatAnotherComponentNeeds() throws Exception {
    ServiceJars.writeExecutable(home, "schema-registry", "stock");

    assertThat(Main.run("up", "--home", home.toString(), "--without", "schema-registry"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("--without"
        + " schema-registry: stock needs it; leave it out too, or keep schema-registry");
    assertThat(Files.exists(home.resolve("data"))).isFalse();
  }

  @Test
  void statusExitsWithThreeWhenNothingRuns() {
    assertThat(Main.run("status", "--home", home.toString(), "--json")).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"components\" : [ ]");
  }
}
