package io.eventshop.launcher.process;

import io.eventshop.launcher.broker.KafkaBroker;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's own classes and jars, for a child JVM that runs a main class of the launcher
 * (the embedded PostgreSQL): nothing to build beyond the launcher itself.
 */
public final class LauncherClasspath {

  private LauncherClasspath() {
  }

  public static List<Path> entries() {
    List<Path> entries = new ArrayList<>();
    try {
      entries.add(Path.of(LauncherClasspath.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the launcher's own location is no path", e);
    }
    for (String entry : KafkaBroker.buildClasspath().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }
}
