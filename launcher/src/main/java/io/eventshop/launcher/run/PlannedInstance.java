package io.eventshop.launcher.run;

import io.eventshop.launcher.services.ServiceDefinition;

/**
 * One JVM of a service the launcher will start.
 *
 * @param service  which service
 * @param instance 1-based instance number
 * @param port     its HTTP port
 */
public record PlannedInstance(ServiceDefinition service, int instance, int port) {

  /** {@code order} for the first instance, {@code order-2} for the second: names logs and rows. */
  public String componentName() {
    return instance == 1 ? service.name() : service.name() + "-" + instance;
  }

  /** The Kafka Streams state directory name, unique per instance. */
  public String stateDirName() {
    return service.name() + "-" + instance;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }
}
