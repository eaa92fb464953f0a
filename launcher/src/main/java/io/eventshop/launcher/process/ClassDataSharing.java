package io.eventshop.launcher.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Runs a Spring Boot service from its extracted jar with a class-data archive (AppCDS): the JVM
 * maps the classes it loaded in an earlier run instead of reading, parsing and verifying them
 * again, which takes about a third off a service's start-up CPU (the README's start-up table).
 *
 * <p>Java 17 archives only classes that the JVM's own loaders read from plain jars, not those of
 * Boot's nested-jar loader, so the executable jar is first extracted with Boot's own tool
 * ({@code java -Djarmode=tools -jar x.jar extract}: {@code x.jar} plus {@code lib/}) into
 * {@code target/cds/<name>-<key>/} next to it. The key is made of the jar's size and
 * modification time and of the JVM, so a rebuilt jar or another JDK gets a fresh directory (the
 * older one is deleted) and an archive never meets classes it was not made from. An incremental
 * build leaves an unchanged module's jar alone, and so its archive.
 *
 * <p>There is no training run: it would have to start the service, and a second copy of a
 * running service is not harmless (it would fence the registry's transactional writer, for one),
 * while one before the real start would double the first start. Instead a run of a jar that has
 * no archive yet is started with {@code -XX:ArchiveClassesAtExit}: the JVM writes the archive of
 * every class the service loaded when it stops, and later starts map it with
 * {@code -XX:SharedArchiveFile}. Writing costs the JVM about 9 s of CPU after its shutdown, so a
 * run records at most {@value #RECORDINGS_PER_RUN} services: five writing at once on two cores
 * outlast the launcher's stop grace and are killed, and then nothing is gained. The JVM writes
 * the archive's header last, so a recording cut short leaves a file without the header's magic
 * number, which counts as no archive. Anything that goes wrong here only costs speed: the service
 * then runs from its jar as before.
 */
public final class ClassDataSharing {

  /** Turns an executable jar into {@code <name>.jar} and {@code lib/} in a directory. */
  @FunctionalInterface
  public interface Extractor {
    void extract(Path jar, Path destination) throws IOException;
  }

  /** The first bytes of a complete dynamic archive of HotSpot 17 (0xf00baba8, little-endian). */
  static final byte[] ARCHIVE_MAGIC = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0};
  static final int RECORDINGS_PER_RUN = 2;
  static final String DIRECTORY = "cds";
  private static final String SCRATCH = ".extracting-";
  private static final long EXTRACT_TIMEOUT_SECONDS = 120;

  private static final ClassDataSharing LAUNCHER = new ClassDataSharing(
      ClassDataSharing::extractWithBootTools, System.getProperty("java.home"),
      System.getProperty("java.vm.version"));

  private final Extractor extractor;
  private final String jvm;
  private final Map<Path, CompletableFuture<Optional<Path>>> extractions =
      new ConcurrentHashMap<>();
  private final AtomicInteger recordings = new AtomicInteger();

  ClassDataSharing(Extractor extractor, String javaHome, String vmVersion) {
    this.extractor = extractor;
    this.jvm = javaHome + "|" + vmVersion;
  }

  /** The launcher's one instance: a jar is extracted at most once per run. */
  public static ClassDataSharing launcher() {
    return LAUNCHER;
  }

  /**
   * Starts extracting every jar that needs it at once, one thread each (it is mostly disk work),
   * so that the first start after a build extracts while the broker starts; {@code problems}
   * hears why a jar will run without an archive.
   */
  public void prepare(Collection<Path> jars, Consumer<String> problems) {
    jars.forEach(jar -> extractions.computeIfAbsent(jar, j -> {
      CompletableFuture<Optional<Path>> extraction = new CompletableFuture<>();
      Thread thread = new Thread(() -> extraction.complete(extractOrSay(j, problems)),
          "extract-" + j.getFileName());
      thread.setDaemon(true);
      thread.start();
      return extraction;
    }));
  }

  /**
   * What goes after the JVM's options to run {@code jar}: {@code -XX:SharedArchiveFile=… -jar
   * <extracted jar>} once it has an archive, {@code -XX:ArchiveClassesAtExit=… -jar
   * <extracted jar>} while this run may record one (only {@code mayRecord}: the first instance of
   * a service), else {@code -jar <extracted jar>}, or {@code -jar <jar>} when it could not be
   * extracted. Waits for the extraction {@link #prepare} started.
   *
   * @param mayRecord whether this JVM may record the jar's archive
   */
  public List<String> runArguments(Path jar, boolean mayRecord) {
    prepare(List.of(jar), problem -> { });
    Optional<Path> dir = extractions.get(jar).join();
    if (dir.isEmpty()) {
      return List.of("-jar", jar.toString());
    }
    String application = dir.get().resolve(jar.getFileName()).toString();
    Path archive = dir.get().resolve(baseName(jar) + ".jsa");
    if (isComplete(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive, "-jar", application);
    }
    if (mayRecord && recordings.getAndIncrement() < RECORDINGS_PER_RUN) {
      // The per-class notes of the dump ("Skipping …: Old class has been linked") say nothing
      // about the shop; errors still show.
      return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error", "-jar",
          application);
    }
    return List.of("-jar", application);
  }

  private Optional<Path> extractOrSay(Path jar, Consumer<String> problems) {
    try {
      return Optional.of(extracted(jar));
    } catch (IOException | UncheckedIOException e) {
      problems.accept("class-data sharing off for " + jar.getFileName() + " (" + e.getMessage()
          + "); it starts from its jar");
      return Optional.empty();
    }
  }

  /** The extracted jar's directory, made now if this jar (or this JVM) has none yet. */
  Path extracted(Path jar) throws IOException {
    Path root = jar.toAbsolutePath().getParent().resolve(DIRECTORY);
    String name = baseName(jar);
    Path dir = root.resolve(name + "-" + key(jar));
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(root);
      // Extracted aside and renamed, so that a directory under its final name is complete and
      // a second launcher extracting the same jar at the same time does no harm.
      Path scratch = Files.createTempDirectory(root, SCRATCH + name + "-");
      try {
        extractor.extract(jar, scratch);
        if (!Files.isRegularFile(scratch.resolve(jar.getFileName()))) {
          throw new IOException("the extracted directory has no " + jar.getFileName());
        }
        moveUnlessThere(scratch, dir);
      } finally {
        deleteRecursively(scratch);
      }
    }
    deleteLeftovers(root, name, dir);
    return dir;
  }

  /** Whether the JVM finished writing {@code archive}: its header, written last, is there. */
  static boolean isComplete(Path archive) {
    if (!Files.isRegularFile(archive)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(archive)) {
      return Arrays.equals(in.readNBytes(ARCHIVE_MAGIC.length), ARCHIVE_MAGIC);
    } catch (IOException e) {
      return false;
    }
  }

  private String key(Path jar) throws IOException {
    CRC32 crc = new CRC32();
    String identity = Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
        + jvm;
    crc.update(identity.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static String baseName(Path jar) {
    return jar.getFileName().toString().replaceFirst("\\.jar$", "");
  }

  /** Another launcher may have extracted the same jar meanwhile: then its copy is kept. */
  private static void moveUnlessThere(Path scratch, Path dir) throws IOException {
    try {
      Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot rename " + scratch + " to " + dir, e);
    }
  }

  /**
   * Removes the copies of older builds of the jar, and scratch directories of extractions that
   * were interrupted (an hour old: a younger one may belong to a launcher extracting now).
   */
  private static void deleteLeftovers(Path root, String name, Path current) {
    long anHourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
    try (Stream<Path> entries = Files.list(root)) {
      entries.filter(p -> !p.equals(current))
          .filter(p -> p.getFileName().toString().startsWith(name + "-")
              || p.getFileName().toString().startsWith(SCRATCH + name + "-")
              && lastModified(p) < anHourAgo)
          .forEach(ClassDataSharing::deleteRecursively);
    } catch (IOException e) {
      // best effort: an old copy left behind only takes disk space
    }
  }

  private static long lastModified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toMillis();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort, as above
    }
  }

  /** Spring Boot's own tool, in the jar since Boot 3.3: {@code -Djarmode=tools … extract}. */
  static void extractWithBootTools(Path jar, Path destination) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = destination.resolveSibling(destination.getFileName() + ".log");
    Process process = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar",
        jar.toString(), "extract", "--destination", destination.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("extracting took over " + EXTRACT_TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException("extracting failed with exit code " + process.exitValue() + ": "
            + Files.readString(log).strip());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while extracting", e);
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
