package io.eventshop.launcher.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.probe.ReadinessProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data-dir>/run.json}: what a running {@code up} started, for {@code status} and
 * {@code topics}. Written when the run is ready, removed when it stops.
 */
public final class RunFile {

  /**
   * One component as {@code run.json} lists it; {@code pid} is null for an existing cluster.
   * {@code readiness} is what {@code up} waited on, for {@code status} to ask again.
   */
  public record Entry(String name, ComponentKind kind, String url, Long pid,
                      ReadinessProbe readiness) {
  }

  /**
   * The file's content.
   *
   * @param launcherPid          the pid of the {@code up} process
   * @param kafkaPropertiesFile  the client properties used for the cluster, or null
   * @param components           every component in start order, kafka first
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Run(long launcherPid, String kafkaPropertiesFile, List<Entry> components) {

    public Optional<Entry> kafka() {
      return components.stream().filter(c -> c.kind() == ComponentKind.KAFKA).findFirst();
    }
  }

  private final Path file;

  public RunFile(Path dataDir) {
    this.file = dataDir.resolve("run.json");
  }

  public Path path() {
    return file;
  }

  public void write(Run run) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling("run.json.tmp");
      Json.MAPPER.writeValue(temp.toFile(), run);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public Optional<Run> read() {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), Run.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
