package io.eventshop.launcher.run;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Owns the children of a run: stops them in reverse start order (a wave of components started
 * together stops together), each with SIGTERM and, after a grace period, SIGKILL; reports a child
 * that exits on its own and can start a crashed service again with the command it was started
 * with, a few times per run.
 */
public final class Supervisor {

  /** Restarts per component and run, so that one that cannot start does not loop forever. */
  public static final int MAX_RESTARTS = 3;

  private final Duration grace;
  private final Console console;
  private final List<Component> components = new ArrayList<>();
  private final Map<String, Relaunch> relaunches = new HashMap<>();
  private final Map<String, Integer> restarts = new HashMap<>();
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

  /** How a component is started again after a crash. */
  @FunctionalInterface
  public interface Relaunch {
    Process start() throws IOException;
  }

  /** Takes charge of a component that {@link #restart} may start again with {@code relaunch}. */
  public void add(Component component, Relaunch relaunch) {
    synchronized (this) {
      relaunches.put(component.name(), relaunch);
    }
    add(component);
  }

  /**
   * Starts a crashed component again, unless the run is stopping, it has no relaunch (the broker:
   * the services cannot run without it) or it has used up its {@link #MAX_RESTARTS}.
   *
   * @return the component with its new process, or empty when it was not restarted
   */
  public Optional<Component> restart(Component crashed) {
    Relaunch relaunch;
    synchronized (this) {
      relaunch = relaunches.get(crashed.name());
      int attempt = restarts.merge(crashed.name(), 1, Integer::sum);
      if (stopping || relaunch == null || attempt > MAX_RESTARTS) {
        return Optional.empty();
      }
    }
    Process process;
    try {
      process = relaunch.start();
    } catch (IOException e) {
      console.line(crashed.name() + " could not be started again: " + e.getMessage());
      return Optional.empty();
    }
    Component fresh = crashed.withProcess(process);
    synchronized (this) {
      components.set(components.indexOf(crashed), fresh);
      if (stopping) {
        stop(process);
        return Optional.empty();
      }
    }
    process.onExit().thenAccept(exited -> exited(fresh));
    return Optional.of(fresh);
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
