package io.eventshop.launcher.run;

import io.eventshop.launcher.catalogue.ComponentSpec;

/**
 * One instance of a component that the run will start, or an existing one it only uses (a Kafka
 * cluster named with {@code --kafka}).
 *
 * @param spec     which component
 * @param instance 1-based instance number
 * @param port     the port it listens on; 0 for an existing one, which listens elsewhere
 * @param url      its address
 * @param existing true when the run starts nothing and uses what runs at {@code url}
 */
public record PlannedInstance(ComponentSpec spec, int instance, int port, String url,
                              boolean existing) {

  /** Instance {@code instance} of {@code spec}, started by the run on {@code port}. */
  public static PlannedInstance started(ComponentSpec spec, int instance, int port) {
    return new PlannedInstance(spec, instance, port, spec.url(port), false);
  }

  /** What already runs at {@code url} and stands in for {@code spec}. */
  public static PlannedInstance existing(ComponentSpec spec, String url) {
    return new PlannedInstance(spec, 1, 0, url, true);
  }

  /** {@code order} for the first instance, {@code order-2} for the second: names logs and rows. */
  public String componentName() {
    return instance == 1 ? spec.name() : spec.name() + "-" + instance;
  }

  /** The state directory name, unique per instance. */
  public String stateDirName() {
    return spec.name() + "-" + instance;
  }
}
