package io.eventshop.launcher.process;

import io.eventshop.launcher.run.StartContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A JVM that is not a Spring Boot service: a main class on a classpath, with arguments of its own
 * (a Kafka Connect worker, an embedded database, a legacy application).
 *
 * @param classpath  jars or class directories, relative to the repository root or absolute
 * @param mainClass  the class whose {@code main} runs
 * @param maxHeap    the {@code -Xmx} value, e.g. {@code 256m}
 * @param arguments  the program arguments, from what the run knows (ports, other components' URLs)
 */
public record JavaMain(List<Path> classpath, String mainClass, String maxHeap,
                       Function<StartContext, List<String>> arguments) implements JavaCommand {

  public JavaMain {
    classpath = List.copyOf(classpath);
  }

  /** Built when every entry of its classpath exists. */
  @Override
  public boolean isBuilt(Path home) {
    return classpath.stream().allMatch(entry -> Files.exists(home.resolve(entry)));
  }

  @Override
  public List<String> command(StartContext context) {
    List<String> command = new ArrayList<>();
    command.add("-Xmx" + maxHeap);
    command.add("-cp");
    command.add(classpath.stream().map(entry -> context.home().resolve(entry).toString())
        .collect(Collectors.joining(File.pathSeparator)));
    command.add(mainClass);
    command.addAll(arguments.apply(context));
    return ChildCommand.java(command);
  }
}
