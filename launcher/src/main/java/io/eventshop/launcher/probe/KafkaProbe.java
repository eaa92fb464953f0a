package io.eventshop.launcher.probe;

import io.eventshop.launcher.kafka.KafkaConnection;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Ready when the cluster at the bootstrap address answers a describe-cluster request with at least
 * one broker: a listening port alone does not mean the broker has joined its controller.
 *
 * @param timeoutMs how long one request may take; an unreachable cluster costs this much
 */
public record KafkaProbe(int timeoutMs) implements ReadinessProbe {

  /** Generous: on a loaded two-core machine a healthy broker may take seconds to answer. */
  public KafkaProbe() {
    this(10_000);
  }

  @Override
  public boolean isReady(String url, Optional<Path> kafkaProperties) {
    try (Admin admin = new KafkaConnection(url, kafkaProperties).admin(timeoutMs)) {
      return !admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public String question(String url) {
    return "describe the cluster at " + url;
  }

  @Override
  public String outcome() {
    return "ready";
  }
}
