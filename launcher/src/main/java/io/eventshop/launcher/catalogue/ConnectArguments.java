package io.eventshop.launcher.catalogue;

import io.eventshop.launcher.postgres.DatabaseUrl;
import io.eventshop.launcher.run.StartContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Connect worker is told: the conventions of every JVM (Kafka, the registry), its REST
 * port, its plugin path and connector files in the repository, the CRM database the
 * change-capture connector reads, as the {@code ${crm.database.*}} variables of its file, and the
 * lake's directory the Iceberg sink writes to ({@code ${lake.warehouse}}).
 */
final class ConnectArguments {

  static final String PLUGIN_PATH = "connect/target/plugins";
  static final String CONNECTORS = "connect/connectors";
  /** The lake's directory under the run's data directory. */
  static final String LAKE = "lake";

  private ConnectArguments() {
  }

  static List<String> arguments(StartContext connect) {
    List<String> arguments = new ArrayList<>(connect.kafkaArguments());
    connect.urlOf(ComponentKind.SCHEMA_REGISTRY).ifPresent(url ->
        arguments.add("--eventshop.schema-registry.url=" + url));
    arguments.add("--eventshop.connect.port=" + connect.instance().port());
    arguments.add("--plugin.path=" + connect.home().resolve(PLUGIN_PATH));
    arguments.add("--eventshop.connect.connectors-dir=" + connect.home().resolve(CONNECTORS));
    // the lake's raw zone: the Iceberg sink's warehouse, which the lake service reads
    arguments.add(variable("lake.warehouse",
        connect.settings().dataDir().resolve(LAKE).toAbsolutePath().toString()));
    // the password is not an argument: the worker reads it from the environment it inherits
    connect.urlOf(ComponentKind.DATABASE).map(DatabaseUrl::parse).ifPresent(database -> {
      arguments.add(variable("crm.database.hostname", database.host()));
      arguments.add(variable("crm.database.port", String.valueOf(database.port())));
      arguments.add(variable("crm.database.dbname", database.database()));
      arguments.add(variable("crm.database.user", database.user()));
    });
    return arguments;
  }

  private static String variable(String name, String value) {
    return "--eventshop.connect.variable." + name + "=" + value;
  }
}
