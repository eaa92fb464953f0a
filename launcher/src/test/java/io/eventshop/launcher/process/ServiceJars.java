package io.eventshop.launcher.process;

import io.eventshop.launcher.catalogue.ComponentCatalogue;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Stand-in service jars for tests that only need the launcher to find them. */
public final class ServiceJars {

  private ServiceJars() {
  }

  /**
   * Writes the jar of a Spring Boot component of the shop's catalogue, executable (with a
   * Main-Class) or not.
   */
  public static void write(Path home, String component, boolean executable) throws Exception {
    SpringBootApp app = (SpringBootApp) ComponentCatalogue.EVENTSHOP.byName(component)
        .orElseThrow().start();
    Path jar = app.jar(home);
    Files.createDirectories(jar.getParent());
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (executable) {
      manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "example.Main");
    }
    try (OutputStream out = Files.newOutputStream(jar);
         JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // the manifest is all a jar needs here
    }
  }

  /** Writes an executable jar for each of {@code components}. */
  public static void writeExecutable(Path home, String... components) throws Exception {
    for (String component : components) {
      write(home, component, true);
    }
  }
}
