package io.eventshop.launcher.cli;

import io.eventshop.launcher.catalogue.ComponentCatalogue;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.kafka.KafkaConnection;
import io.eventshop.launcher.run.RunFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster a command that does not start one talks to: {@code --kafka}, else the run found by
 * {@code --data-dir}, else {@code KAFKA_BOOTSTRAP_SERVERS}, else the default local broker.
 */
public final class KafkaTarget {

  static final String DEFAULT_BOOTSTRAP = ComponentKind.KAFKA.url(ComponentCatalogue.KAFKA_PORT);

  private KafkaTarget() {
  }

  public static KafkaConnection resolve(String kafkaOption, Path propertiesOption,
                                 Optional<RunFile.Run> run, Map<String, String> environment) {
    Optional<String> fromRun = run.flatMap(RunFile.Run::kafka).map(RunFile.Entry::url);
    String bootstrap = Optional.ofNullable(kafkaOption).filter(s -> !s.isBlank())
        .or(() -> fromRun)
        .or(() -> KafkaConnection.externalBootstrap(null, environment))
        .orElse(DEFAULT_BOOTSTRAP);
    Optional<Path> properties = Optional.ofNullable(propertiesOption)
        .or(() -> run.map(RunFile.Run::kafkaPropertiesFile).map(Path::of));
    return new KafkaConnection(bootstrap, properties);
  }
}
