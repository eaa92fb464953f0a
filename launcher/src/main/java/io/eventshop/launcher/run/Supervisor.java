package io.eventshop.launcher.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Owns the children of a run: stops them in reverse start order (a wave of components started
 * together stops together), each with SIGTERM and, after a grace period, SIGKILL; and reports a
 * child that exits on its own.
 */
public final class Supervisor {

  private final Duration grace;
  private final Console console;
  private final List<Component> components = new ArrayList<>();
  private volatile BiConsumer<Component, Integer> onUnexpectedExit = (c, code) -> { };
  private boolean stopping;

  public Supervisor(Duration grace, Console console) {
    this.grace = grace;
    this.console = console;
  }

  /** What to do when a child exits while nobody asked it to. */
  public void onUnexpectedExit(BiConsumer<Component, Integer> handler) {
    this.onUnexpectedExit = handler;
  }

  /**
   * Takes charge of a component. If the run is already stopping (Ctrl-C during the start), its
   * process is stopped at once so that it cannot outlive the launcher.
   */
  public void add(Component component) {
    synchronized (this) {
      if (!stopping) {
        components.add(component);
        component.process().ifPresent(p -> p.onExit().thenAccept(exited -> exited(component)));
        return;
      }
    }
    component.process().ifPresent(this::stop);
  }

  public synchronized List<Component> components() {
    return List.copyOf(components);
  }

  public synchronized boolean isStopping() {
    return stopping;
  }

  /** Stops every component, last wave first, and waits for them. Safe to call twice. */
  public void stopAll() {
    List<Component> toStop;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      toStop = List.copyOf(components);
    }
    Map<Integer, List<Component>> waves = new TreeMap<>(Comparator.reverseOrder());
    toStop.forEach(c -> waves.computeIfAbsent(c.wave(), w -> new ArrayList<>()).add(c));
    for (List<Component> wave : waves.values()) {
      // one thread each: the common pool has a single thread on a two-core machine
      List<Thread> stoppers = wave.stream()
          .filter(c -> c.process().isPresent())
          .map(c -> new Thread(() -> stopAndSay(c), "stop-" + c.name()))
          .toList();
      stoppers.forEach(Thread::start);
      for (Thread stopper : stoppers) {
        joinQuietly(stopper);
      }
    }
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopAndSay(Component component) {
    Process process = component.process().orElseThrow();
    if (!process.isAlive()) {
      return;
    }
    console.step("stopping " + component.name() + " (pid " + process.pid() + ")");
    stop(process);
    console.step(component.name() + " stopped");
  }

  private void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void exited(Component component) {
    if (!isStopping()) {
      onUnexpectedExit.accept(component, component.process().orElseThrow().exitValue());
    }
  }
}
