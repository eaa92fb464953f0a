package io.eventshop.launcher.process;

import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.eventshop.launcher.run.StartContext;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The launcher's own Kafka broker ({@link KafkaBroker}, KRaft broker and controller in one JVM)
 * on the plan's broker ports, its data under {@code <data-dir>/kafka}.
 */
public record BrokerProcess() implements StartCommand {

  /** The broker runs from the launcher's own jars: nothing to build. */
  @Override
  public boolean isBuilt(Path home) {
    return true;
  }

  @Override
  public Process start(StartContext context) throws IOException {
    return KafkaBroker.launch(settings(context)).process();
  }

  /** The broker of this run: its ports, data, heap and the run's JVM tuning. */
  static KafkaBroker.Settings settings(StartContext context) {
    return new KafkaBroker.Settings(
        context.settings().dataDir().resolve("kafka"), ComponentKind.HOST,
        context.instance().port(), context.plan().broker().orElseThrow().controller(),
        KafkaBroker.buildClasspath(), context.logFile(), context.settings().brokerHeap(),
        context.settings().tuning().brokerOptions());
  }
}
