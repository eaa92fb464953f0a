package io.eventshop.launcher.process;

import java.util.ArrayList;
import java.util.List;

/**
 * What the service JVMs are tuned for: a quick start (what {@code up} does unless told
 * otherwise) or peak throughput (what the benchmark measures, {@code up --throughput}).
 *
 * <p>On two cores, six Spring Boot JVMs starting together spend about half of their start-up CPU
 * in the JIT's optimising compiler (C2), compiling code that start-up runs a few times only.
 * {@code -XX:TieredStopAtLevel=1} keeps the quick compiler (C1) alone: a service's start costs
 * about 40 % less CPU, but its hot paths run slower for good, so the benchmark turns it off. The
 * README's start-up table has the figures.
 */
public enum JvmTuning {

  QUICK_START(List.of("-XX:TieredStopAtLevel=1")),
  THROUGHPUT(List.of());

  /** Every service JVM's heap: six of them and a broker fit a small machine. */
  static final String SERVICE_HEAP = "-Xmx256m";

  private final List<String> jitOptions;

  JvmTuning(List<String> jitOptions) {
    this.jitOptions = jitOptions;
  }

  /**
   * The broker's further JVM options. The quick compiler halves its start too (about 11 s of CPU
   * to 6 s here); class-data sharing was measured and gains it nothing, so it has none.
   */
  public List<String> brokerOptions() {
    return jitOptions;
  }

  /** The JVM options of a service (before {@code -jar}). */
  public List<String> serviceOptions() {
    List<String> options = new ArrayList<>();
    options.add(SERVICE_HEAP);
    options.addAll(jitOptions);
    return List.copyOf(options);
  }
}
