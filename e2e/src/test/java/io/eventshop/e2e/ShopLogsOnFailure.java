package io.eventshop.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * When an end-to-end test fails, prints the warnings and errors of every component's log, so a CI
 * run that leaves nothing behind but its console still says what the shop was doing.
 * Registered for every test by auto-detection ({@code junit-platform.properties}).
 */
public final class ShopLogsOnFailure implements TestWatcher {

  private static final int LINES_PER_LOG = 30;

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Path logs = RunningShop.startedDataDir().map(dir -> dir.resolve("logs")).orElse(null);
    if (logs == null || !Files.isDirectory(logs)) {
      return;
    }
    System.out.printf("%n--- %s failed; warnings and errors of the shop's logs ---%n",
        context.getDisplayName());
    try (Stream<Path> files = Files.list(logs)) {
      files.sorted().forEach(ShopLogsOnFailure::printWarnings);
    } catch (IOException e) {
      System.out.println("(could not list " + logs + ": " + e + ")");
    }
  }

  private static void printWarnings(Path log) {
    try (Stream<String> lines = Files.lines(log)) {
      List<String> warnings = lines.filter(line -> line.contains(" WARN ")
          || line.contains(" ERROR ")).toList();
      System.out.printf("[%s] %d warnings/errors, the last %d:%n", log.getFileName(),
          warnings.size(), Math.min(LINES_PER_LOG, warnings.size()));
      warnings.subList(Math.max(0, warnings.size() - LINES_PER_LOG), warnings.size())
          .forEach(line -> System.out.println("  " + line));
    } catch (IOException | java.io.UncheckedIOException e) {
      System.out.println("(could not read " + log + ": " + e + ")");
    }
  }
}
