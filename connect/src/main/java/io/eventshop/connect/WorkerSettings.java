package io.eventshop.connect;

import io.eventshop.contracts.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What one worker runs with: Kafka Connect's worker properties (the defaults of
 * {@code connect-worker.properties}, the catalogue's topic names, then the arguments) and the
 * Eventshop settings of the worker itself.
 *
 * <p>Arguments are {@code --key=value}. Keys of Connect's own ({@code --bootstrap.servers},
 * {@code --listeners}, {@code --group.id}, {@code --config.storage.topic}, …) go to the worker as
 * they are, so a worker can join an existing Connect cluster by its group id and topics. The
 * launcher's conventions are understood too:
 * <ul>
 *   <li>{@code --eventshop.kafka.bootstrap-servers}: the broker;</li>
 *   <li>{@code --eventshop.kafka.client-properties-file}: security settings of an existing
 *       cluster, given to the worker and to the clients it makes for connectors;</li>
 *   <li>{@code --eventshop.schema-registry.url}: the registry of the Avro converter;</li>
 *   <li>{@code --eventshop.connect.port}: the REST port on the loopback interface;</li>
 *   <li>{@code --eventshop.connect.connectors-dir}: the directory of connector JSON files;</li>
 *   <li>{@code --eventshop.connect.variable.<name>=value}: a value of {@code ${name}} in
 *       connector files (database addresses, the lake's directory); {@code ${schema.registry.url}}
 *       and {@code ${kafka.bootstrap.servers}} are the worker's own.</li>
 * </ul>
 *
 * <p>{@code ${crm.database.password}} comes from the environment variable
 * {@code EVENTSHOP_POSTGRES_PASSWORD} (empty when unset: the embedded PostgreSQL trusts local
 * connections), never from an argument.
 *
 * @param worker        the worker properties, in Connect's keys
 * @param connectorsDir where the connector files are
 * @param variables     the values of the {@code ${name}} placeholders of connector files
 */
public record WorkerSettings(Map<String, String> worker, Path connectorsDir,
                             Map<String, String> variables) {

  private static final String DEFAULTS = "/connect-worker.properties";
  /** The CRM database's password, as the launcher's children inherit it. */
  static final String PASSWORD_ENV = "EVENTSHOP_POSTGRES_PASSWORD";
  private static final String OURS = "eventshop.";
  private static final String VARIABLE = "eventshop.connect.variable.";
  /** The security settings every client of the worker takes, under these prefixes. */
  private static final String[] CLIENT_PREFIXES = {"", "producer.", "consumer.", "admin."};

  public WorkerSettings {
    worker = Map.copyOf(worker);
    variables = Map.copyOf(variables);
  }

  /**
   * Reads the defaults and {@code args}.
   *
   * @throws IllegalArgumentException naming an argument that is not {@code --key=value}, or an
   *                                  Eventshop key that does not exist
   */
  public static WorkerSettings fromArguments(String... args) {
    Map<String, String> worker = defaults();
    Map<String, String> variables = new LinkedHashMap<>();
    Path connectorsDir = Path.of("connect", "connectors");
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 3) {
        throw new IllegalArgumentException("expected --key=value, got: " + arg);
      }
      String key = arg.substring(2, equals);
      String value = arg.substring(equals + 1);
      if (key.startsWith(VARIABLE)) {
        variables.put(key.substring(VARIABLE.length()), value);
      } else if (!key.startsWith(OURS)) {
        worker.put(key, value);
      } else {
        switch (key) {
          case "eventshop.kafka.bootstrap-servers" -> worker.put("bootstrap.servers", value);
          case "eventshop.kafka.client-properties-file" -> addClientProperties(worker, Path.of(value));
          case "eventshop.schema-registry.url" -> {
            worker.put("value.converter.schema.registry.url", value);
            variables.put("schema.registry.url", value);
          }
          case "eventshop.connect.port" -> worker.put("listeners", "http://127.0.0.1:" + value);
          case "eventshop.connect.connectors-dir" -> connectorsDir = Path.of(value);
          default -> throw new IllegalArgumentException("unknown setting --" + key);
        }
      }
    }
    variables.putIfAbsent("schema.registry.url", worker.get("value.converter.schema.registry.url"));
    // the Iceberg sink makes Kafka clients of its own (its control topic), which are not told
    // the worker's properties
    variables.putIfAbsent("kafka.bootstrap.servers", worker.get("bootstrap.servers"));
    // secrets are no arguments (every user of the machine sees those): from the environment
    variables.putIfAbsent("crm.database.password", System.getenv()
        .getOrDefault(PASSWORD_ENV, ""));
    return new WorkerSettings(worker, connectorsDir, variables);
  }

  /** The REST address the worker listens on, e.g. {@code http://127.0.0.1:8083}. */
  public String restUrl() {
    return worker.get("listeners").split(",")[0].trim();
  }

  private static Map<String, String> defaults() {
    Properties properties = new Properties();
    try (InputStream in = WorkerSettings.class.getResourceAsStream(DEFAULTS)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULTS, e);
    }
    Map<String, String> worker = new LinkedHashMap<>();
    worker.put("config.storage.topic", Topics.CONNECT_CONFIGS.name());
    worker.put("offset.storage.topic", Topics.CONNECT_OFFSETS.name());
    worker.put("status.storage.topic", Topics.CONNECT_STATUS.name());
    properties.stringPropertyNames().forEach(key -> worker.put(key, properties.getProperty(key)));
    return worker;
  }

  private static void addClientProperties(Map<String, String> worker, Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the client properties " + file, e);
    }
    for (String key : properties.stringPropertyNames()) {
      for (String prefix : CLIENT_PREFIXES) {
        worker.put(prefix + key, properties.getProperty(key));
      }
    }
  }
}
