package io.eventshop.launcher.services;

import io.eventshop.launcher.run.ComponentKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;

/**
 * A deployable of the shop as the launcher knows it.
 *
 * @param name        the service name: module artifactId, jar name, log and state dir prefix
 * @param moduleDir   the module directory relative to the repository root
 * @param defaultPort the HTTP port of its first instance
 * @param kind        what it is
 */
public record ServiceDefinition(String name, Path moduleDir, int defaultPort, ComponentKind kind) {

  /** The executable jar the build makes: {@code <module>/target/<name>.jar}. */
  public Path jar(Path home) {
    return home.resolve(moduleDir).resolve("target").resolve(name + ".jar");
  }

  /**
   * Whether the service is built: its jar exists and is executable (has a {@code Main-Class}); a
   * module without code yet builds a plain jar, which the launcher skips.
   */
  public boolean isBuilt(Path home) {
    Path jar = jar(home);
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() != null
          && file.getManifest().getMainAttributes().getValue("Main-Class") != null;
    } catch (IOException e) {
      return false;
    }
  }
}
