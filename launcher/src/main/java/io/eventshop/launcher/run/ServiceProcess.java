package io.eventshop.launcher.run;

import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.process.ChildCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one service instance as its own JVM with the run-time properties every service
 * understands (see the README's "Run-time conventions").
 */
public final class ServiceProcess {

  static final String MAX_HEAP = "-Xmx256m";

  private ServiceProcess() {
  }

  /** The command line of {@code instance}. */
  public static List<String> command(PlannedInstance instance, LaunchSettings settings,
                                     KafkaConnection kafka, Optional<String> registryUrl) {
    List<String> arguments = new ArrayList<>();
    arguments.add(MAX_HEAP);
    arguments.add("-jar");
    arguments.add(instance.service().jar(settings.home()).toString());
    arguments.add("--server.port=" + instance.port());
    arguments.add("--eventshop.kafka.bootstrap-servers=" + kafka.bootstrapServers());
    kafka.clientPropertiesFile().ifPresent(file ->
        arguments.add("--eventshop.kafka.client-properties-file=" + file));
    arguments.add("--eventshop.kafka.state-dir="
        + settings.dataDir().resolve("state").resolve(instance.stateDirName()));
    registryUrl.ifPresent(url -> arguments.add("--eventshop.schema-registry.url=" + url));
    arguments.add("--eventshop.instance-id=" + instance.instance());
    if (instance.service().kind() == ComponentKind.GATEWAY) {
      arguments.addAll(gatewayArguments(instance, settings.plan()));
    }
    return ChildCommand.java(arguments);
  }

  /**
   * The gateway routes to where the services of this run listen (every instance, so that moved
   * ports and extra instances are reached) and lets pages served from its own port call it.
   */
  static List<String> gatewayArguments(PlannedInstance gateway, LaunchPlan plan) {
    Map<String, String> urls = new LinkedHashMap<>();
    plan.instances().stream()
        .filter(i -> i.service().kind() == ComponentKind.SERVICE)
        .forEach(i -> urls.merge(i.service().name(), i.url(), (a, b) -> a + "," + b));
    List<String> arguments = new ArrayList<>();
    urls.forEach((service, list) ->
        arguments.add("--eventshop.gateway.services." + service + "=" + list));
    arguments.add("--eventshop.gateway.cors.allowed-origins=http://localhost:" + gateway.port()
        + "," + gateway.url());
    return arguments;
  }

  /** Starts the JVM, its output appended to {@code logFile}. */
  public static Process start(List<String> command, Path home, Path logFile) throws IOException {
    Files.createDirectories(logFile.getParent());
    return new ProcessBuilder(command)
        .directory(home.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .start();
  }
}
