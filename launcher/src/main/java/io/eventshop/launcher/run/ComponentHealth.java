package io.eventshop.launcher.run;

import io.eventshop.launcher.kafka.KafkaConnection;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Whether a component listed in {@code run.json} is healthy: its process is alive (when it has
 * one) and it answers: Kafka a describe-cluster request, a service {@code /actuator/health}.
 */
public final class ComponentHealth {

  private static final int KAFKA_TIMEOUT_MS = 15_000;

  private final HealthProbe probe = new HealthProbe();
  private final Optional<Path> kafkaProperties;

  public ComponentHealth(Optional<Path> kafkaProperties) {
    this.kafkaProperties = kafkaProperties;
  }

  public boolean isHealthy(RunFile.Entry component) {
    if (component.pid() != null && !isAlive(component.pid())) {
      return false;
    }
    return component.kind() == ComponentKind.KAFKA
        ? kafkaAnswers(component.url())
        : probe.isHealthy(component.url());
  }

  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private boolean kafkaAnswers(String bootstrap) {
    try (Admin admin = new KafkaConnection(bootstrap, kafkaProperties).admin(KAFKA_TIMEOUT_MS)) {
      return !admin.describeCluster().nodes()
          .get(KAFKA_TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
