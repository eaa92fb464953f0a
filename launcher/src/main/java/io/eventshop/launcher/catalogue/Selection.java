package io.eventshop.launcher.catalogue;

import io.eventshop.launcher.LauncherException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which components a run starts: {@code --only} names components or groups (what they need comes
 * along), {@code --without} leaves some out; by default everything that is built.
 *
 * @param only    names of components or groups; empty for everything
 * @param without names of components or groups to leave out
 */
public record Selection(List<String> only, List<String> without) {

  /** Everything that is built. */
  public static final Selection EVERYTHING = new Selection(List.of(), List.of());

  public Selection {
    only = List.copyOf(only);
    without = List.copyOf(without);
  }

  /**
   * The components to start, in catalogue order.
   *
   * @param isBuilt whether a component has something to start; an unbuilt component is left out
   *                (a module without code yet), but one named itself in {@code --only} or needed
   *                by a component that starts is an error
   * @throws LauncherException on an unknown name, a {@code --without} that leaves a component
   *                           without what it needs (both exit 2), or a missing build (exit 1)
   */
  public List<ComponentSpec> resolve(ComponentCatalogue catalogue,
                                     Predicate<ComponentSpec> isBuilt) {
    Set<String> requested = expand(catalogue, "--only", only);
    Set<String> left = expand(catalogue, "--without", without);
    Set<String> wanted = only.isEmpty() ? new LinkedHashSet<>(catalogue.names())
        : withNeeds(catalogue, requested);
    wanted.removeAll(left);

    Set<String> starting = new LinkedHashSet<>();
    for (String name : wanted) {
      if (isBuilt.test(catalogue.byName(name).orElseThrow())) {
        starting.add(name);
      } else if (only.contains(name)) {
        throw new LauncherException(name + " is not built: build it with ./mvnw install"
            + " -DskipTests (./eventshop up does that)", LauncherException.FAILED);
      }
    }
    List<ComponentSpec> components = catalogue.all().stream()
        .filter(c -> starting.contains(c.name())).toList();
    left.forEach(removed -> refuseToLeaveOut(removed, components));
    for (ComponentSpec component : components) {
      component.needs().stream()
          .filter(need -> !starting.contains(need))
          .findFirst()
          .ifPresent(need -> {
            throw new LauncherException(component.name() + " needs " + need + ", which is not"
                + " built: build it with ./mvnw install -DskipTests, or leave out "
                + component.name() + " (--without " + component.name() + ")",
                LauncherException.FAILED);
          });
    }
    return components;
  }

  private static Set<String> expand(ComponentCatalogue catalogue, String option,
                                    List<String> names) {
    Set<String> components = new LinkedHashSet<>();
    for (String name : names) {
      components.addAll(catalogue.expand(name).orElseThrow(() -> new LauncherException(option
          + " " + name + ": no such component or group (components: "
          + String.join(", ", catalogue.names()) + "; groups: "
          + String.join(", ", catalogue.groupNames()) + ")", LauncherException.USAGE)));
    }
    return components;
  }

  private static Set<String> withNeeds(ComponentCatalogue catalogue, Set<String> names) {
    Set<String> closure = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(names);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (closure.add(name)) {
        todo.addAll(catalogue.byName(name).orElseThrow().needs());
      }
    }
    Set<String> inCatalogueOrder = new LinkedHashSet<>(catalogue.names());
    inCatalogueOrder.retainAll(closure);
    return inCatalogueOrder;
  }

  /** A {@code --without} that takes away what a starting component needs names both. */
  private static void refuseToLeaveOut(String removed, List<ComponentSpec> starting) {
    List<String> dependents = starting.stream()
        .filter(c -> c.needs().contains(removed))
        .map(ComponentSpec::name)
        .toList();
    if (!dependents.isEmpty()) {
      throw new LauncherException("--without " + removed + ": " + String.join(", ", dependents)
          + (dependents.size() == 1 ? " needs it" : " need it") + "; leave "
          + (dependents.size() == 1 ? "it" : "them") + " out too, or keep " + removed,
          LauncherException.USAGE);
    }
  }
}
