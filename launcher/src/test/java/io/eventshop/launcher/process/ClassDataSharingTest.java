package io.eventshop.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

  @TempDir
  Path home;

  private final AtomicInteger extractions = new AtomicInteger();
  private final List<String> problems = new ArrayList<>();
  private Path jar;

  /** Stands in for Boot's tool: writes the application jar and a library. */
  private void extract(Path fatJar, Path destination) throws IOException {
    extractions.incrementAndGet();
    Files.writeString(destination.resolve(fatJar.getFileName()), "application");
    Files.createDirectories(destination.resolve("lib"));
    Files.writeString(destination.resolve("lib/library.jar"), "library");
  }

  private ClassDataSharing sharing() {
    return new ClassDataSharing(this::extract, "/usr/lib/jvm/17", "17.0.15+6");
  }

  @BeforeEach
  void buildTheJar() throws IOException {
    jar = home.resolve("services/order/target/order.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "version 1");
  }

  @Test
  void recordsAnArchiveOnTheFirstRunOfAJarAndMapsItOnTheNext() throws IOException {
    List<String> first = sharing().runArguments(jar, true);
    Path dir = sharing().extracted(jar);
    Path archive = dir.resolve("order.jsa");

    assertThat(first).containsExactly("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error",
        "-jar", dir.resolve("order.jar").toString());
    assertThat(dir.getParent()).isEqualTo(home.resolve("services/order/target/cds"));

    writeCompleteArchive(archive);
    List<String> next = sharing().runArguments(jar, true);

    assertThat(next).containsExactly("-XX:SharedArchiveFile=" + archive, "-jar",
        dir.resolve("order.jar").toString());
    assertThat(extractions).hasValue(1);
  }

  @Test
  void extractsAndRecordsAgainWhenTheJarIsRebuilt() throws IOException {
    Path before = sharing().extracted(jar);
    writeCompleteArchive(before.resolve("order.jsa"));

    Files.writeString(jar, "version 2, rebuilt");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    List<String> after = sharing().runArguments(jar, true);
    Path rebuilt = sharing().extracted(jar);

    assertThat(rebuilt).isNotEqualTo(before);
    assertThat(after).first().asString().startsWith("-XX:ArchiveClassesAtExit=" + rebuilt);
    assertThat(before).as("the copy of the old build is deleted").doesNotExist();
    assertThat(extractions).hasValue(2);
  }

  @Test
  void extractsAgainForAnotherJvm() throws IOException {
    Path for17015 = sharing().extracted(jar);
    Path forAnother = new ClassDataSharing(this::extract, "/usr/lib/jvm/17", "17.0.16+8")
        .extracted(jar);

    assertThat(forAnother).isNotEqualTo(for17015);
  }

  @Test
  void recordsAgainWhenTheLastRecordingWasCutShort() throws IOException {
    Path archive = sharing().extracted(jar).resolve("order.jsa");
    // the JVM writes the regions first and the header last: a killed dump has no magic number
    Files.write(archive, new byte[8192]);

    assertThat(sharing().runArguments(jar, true)).first().asString()
        .startsWith("-XX:ArchiveClassesAtExit=");
  }

  @Test
  void runsThePlainJarWhenItCannotBeExtracted() {
    ClassDataSharing broken = new ClassDataSharing((fatJar, destination) -> {
      throw new IOException("not a Spring Boot jar");
    }, "/usr/lib/jvm/17", "17.0.15+6");

    broken.prepare(List.of(jar), problems::add);

    assertThat(broken.runArguments(jar, true)).containsExactly("-jar", jar.toString());
    assertThat(problems).singleElement().asString()
        .contains("order.jar", "not a Spring Boot jar");
    assertThat(home.resolve("services/order/target/cds")).isEmptyDirectory();
  }

  @Test
  void recordsAtMostTwoServicesPerRunAndOnlyWithTheFirstInstance() throws IOException {
    ClassDataSharing sharing = sharing();
    List<Path> jars = new ArrayList<>();
    for (String name : List.of("registry", "product", "customer", "stock")) {
      Path service = home.resolve("services/" + name + "/target/" + name + ".jar");
      Files.createDirectories(service.getParent());
      Files.writeString(service, name);
      jars.add(service);
    }
    writeCompleteArchive(sharing.extracted(jars.get(1)).resolve("product.jsa"));

    List<String> secondRegistry = sharing.runArguments(jars.get(0), false);
    List<String> registry = sharing.runArguments(jars.get(0), true);
    List<String> product = sharing.runArguments(jars.get(1), true);
    List<String> customer = sharing.runArguments(jars.get(2), true);
    List<String> stock = sharing.runArguments(jars.get(3), true);

    assertThat(secondRegistry).first().asString().isEqualTo("-jar");
    assertThat(registry).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    assertThat(product).first().asString().startsWith("-XX:SharedArchiveFile=");
    assertThat(customer).first().asString().startsWith("-XX:ArchiveClassesAtExit=");
    assertThat(stock).containsExactly("-jar",
        sharing.extracted(jars.get(3)).resolve("stock.jar").toString());
  }

  @Test
  void preparesAJarOncePerLauncher() {
    ClassDataSharing sharing = sharing();

    sharing.prepare(List.of(jar), problems::add);
    sharing.runArguments(jar, true);
    sharing.runArguments(jar, true);

    assertThat(extractions).hasValue(1);
    assertThat(problems).isEmpty();
  }

  /** The header check against this JDK's own dump: what the other tests' stand-in mimics. */
  @Test
  void countsAnArchiveTheJvmWroteAsCompleteAndOneWithoutItsHeaderAsNot() throws Exception {
    Path archive = home.resolve("version.jsa");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process dump = new ProcessBuilder(java.toString(), "-XX:ArchiveClassesAtExit=" + archive,
        "-Xlog:cds=error", "-version").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(ClassDataSharing.isComplete(archive)).isTrue();

    byte[] bytes = Files.readAllBytes(archive);
    Arrays.fill(bytes, 0, 4, (byte) 0);
    Files.delete(archive);
    Files.write(archive, bytes);

    assertThat(ClassDataSharing.isComplete(archive)).isFalse();
  }

  private static void writeCompleteArchive(Path archive) throws IOException {
    byte[] bytes = new byte[8192];
    System.arraycopy(ClassDataSharing.ARCHIVE_MAGIC, 0, bytes, 0, 4);
    Files.write(archive, bytes);
  }
}
