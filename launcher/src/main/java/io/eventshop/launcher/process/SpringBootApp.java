package io.eventshop.launcher.process;

import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.run.StartContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.jar.JarFile;

/**
 * A Spring Boot service of the repository, started from the executable jar its module builds
 * ({@code <module>/target/<module>.jar}) with the run-time properties every service understands
 * (see the README's "Services").
 *
 * @param moduleDir       the module directory relative to the repository root
 * @param extraArguments  what this one service is told beyond the conventions
 */
public record SpringBootApp(Path moduleDir, Function<StartContext, List<String>> extraArguments)
    implements JavaCommand {

  /** The service of {@code moduleDir}, told nothing beyond the conventions. */
  public static SpringBootApp module(String moduleDir) {
    return new SpringBootApp(Path.of(moduleDir), context -> List.of());
  }

  /** The same service, also given {@code arguments}. */
  public SpringBootApp withArguments(Function<StartContext, List<String>> arguments) {
    return new SpringBootApp(moduleDir, arguments);
  }

  /** The executable jar the build makes. */
  public Path jar(Path home) {
    return home.resolve(moduleDir).resolve("target").resolve(moduleDir.getFileName() + ".jar");
  }

  /**
   * Built when its jar exists and is executable (has a {@code Main-Class}); a module without code
   * yet builds a plain jar, which the launcher skips.
   */
  @Override
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

  /** Extracts the jar for class-data sharing ahead of the start, when it needs it. */
  @Override
  public void prepare(Path home, Consumer<String> problems) {
    ClassDataSharing.launcher().prepare(List.of(jar(home)), problems);
  }

  /**
   * The JVM options of the run's tuning, then the jar as {@link ClassDataSharing} runs it (only
   * the first instance of a service may record its archive), then the conventions.
   */
  @Override
  public List<String> command(StartContext context) {
    List<String> arguments = new ArrayList<>(context.settings().tuning().serviceOptions());
    arguments.addAll(ClassDataSharing.launcher()
        .runArguments(jar(context.home()), context.instance().instance() == 1));
    arguments.add("--server.port=" + context.instance().port());
    arguments.addAll(context.kafkaArguments());
    arguments.add("--eventshop.kafka.state-dir=" + context.stateDir());
    context.urlOf(ComponentKind.SCHEMA_REGISTRY).ifPresent(url ->
        arguments.add("--eventshop.schema-registry.url=" + url));
    arguments.add("--eventshop.instance-id=" + context.instance().instance());
    arguments.addAll(extraArguments.apply(context));
    return ChildCommand.java(arguments);
  }
}
