package io.eventshop.launcher.services;

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

  /** Writes {@code <module>/target/<name>.jar}, executable (with a Main-Class) or not. */
  public static void write(Path home, ServiceDefinition service, boolean executable)
      throws Exception {
    Path jar = service.jar(home);
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
}
