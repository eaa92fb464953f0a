package io.eventshop.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU time and peak resident memory of one process, read from {@code /proc} (Linux).
 *
 * @param cpuSeconds user + system CPU time so far
 * @param peakRssMiB the high-water mark of its resident set ({@code VmHWM})
 */
public record ProcessUsage(String name, long pid, double cpuSeconds, double peakRssMiB) {

  private static final Pattern VM_HWM = Pattern.compile("^VmHWM:\\s+(\\d+)\\s+kB", Pattern.MULTILINE);

  /** The usage of a live process now, or empty when it is gone (or not ours to read). */
  public static Optional<ProcessUsage> of(String name, long pid) {
    Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration());
    if (cpu.isEmpty()) {
      return Optional.empty();
    }
    long peakKb = readStatus(pid).map(ProcessUsage::peakRssKb).orElse(0L);
    return Optional.of(new ProcessUsage(name, pid, round(cpu.get().toNanos() / 1e9),
        round(peakKb / 1024.0)));
  }

  /** {@code VmHWM} in kB from the text of {@code /proc/<pid>/status}; 0 when absent. */
  static long peakRssKb(String status) {
    Matcher matcher = VM_HWM.matcher(status);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }

  private static Optional<String> readStatus(long pid) {
    try {
      return Optional.of(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
