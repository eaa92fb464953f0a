package io.eventshop.connect.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One connector as Connect users keep it: a JSON file {@code {"name": …, "config": {…}}}, the body
 * of Connect's {@code POST /connectors}. Values may hold {@code ${name}} placeholders for what
 * differs between machines (database address, credentials), filled from the worker's variables.
 *
 * @param name   the connector's name
 * @param config its configuration, placeholders filled in
 * @param file   where it was read, for messages
 */
public record ConnectorFile(String name, Map<String, String> config, Path file) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9_.-]+)}");

  public ConnectorFile {
    config = Map.copyOf(config);
  }

  /**
   * Every {@code *.json} of {@code dir}, in name order.
   *
   * @throws InvalidConnectorException when a file is not a connector or names an unknown variable
   */
  public static List<ConnectorFile> readAll(Path dir, Map<String, String> variables)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("no directory of connector files at " + dir.toAbsolutePath());
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<ConnectorFile> connectors = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        connectors.add(read(file, variables));
      }
      return connectors;
    }
  }

  /** Reads one file; see {@link #readAll}. */
  public static ConnectorFile read(Path file, Map<String, String> variables) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new InvalidConnectorException(file.getFileName().toString(), "(file)",
          "is not JSON: " + e.getMessage());
    }
    String name = root.path("name").asText("");
    String who = name.isBlank() ? file.getFileName().toString() : name;
    if (name.isBlank()) {
      throw new InvalidConnectorException(who, "name", "is missing");
    }
    JsonNode config = root.path("config");
    if (!config.isObject() || config.isEmpty()) {
      throw new InvalidConnectorException(who, "config", "is missing or empty");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new InvalidConnectorException(name, field.getKey(),
            "must be a string, number or boolean");
      }
      values.put(field.getKey(), fill(name, field.getKey(), field.getValue().asText(), variables));
    }
    return new ConnectorFile(name, values, file);
  }

  private static String fill(String connector, String field, String value,
                             Map<String, String> variables) {
    Matcher matcher = PLACEHOLDER.matcher(value);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      String replacement = variables.get(variable);
      if (replacement == null) {
        throw new InvalidConnectorException(connector, field, "names ${" + variable
            + "}, which the worker was not given (known: " + variables.keySet().stream().sorted()
            .toList() + ")");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}
