package io.eventshop.launcher.cli;

import io.eventshop.launcher.run.RunFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the repository is and which run a command is about ({@code --data-dir}). */
public final class RunDirectory {

  @Option(names = "--home", hidden = true, defaultValue = "${sys:eventshop.home:-.}",
      description = "The repository root (set by ./eventshop).")
  private Path home;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Broker data, logs, service state and run.json (default: data/ in the"
          + " repository).")
  private Path dataDir;

  public Path home() {
    return home.toAbsolutePath().normalize();
  }

  public Path dataDir() {
    return dataDir == null ? home().resolve("data") : dataDir.toAbsolutePath().normalize();
  }

  /**
   * A prompt's history file: {@code name} beside the run's data when there is one (the history
   * of this shop), else {@code ~/.eventshop_<name>} with underscores.
   */
  public Path historyFile(String name) {
    Path data = dataDir();
    return Files.isDirectory(data) ? data.resolve(name)
        : Path.of(System.getProperty("user.home"), ".eventshop_" + name.replace('-', '_'));
  }

  /** The URL of {@code component}'s first instance in the run of {@link #dataDir()}, if any. */
  public Optional<String> urlOf(String component) {
    return new RunFile(dataDir()).read().flatMap(run -> run.components().stream()
        .filter(entry -> entry.name().equals(component))
        .map(RunFile.Entry::url).findFirst());
  }
}
