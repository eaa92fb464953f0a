package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shop's web UI in a real browser: runs the Playwright tests of {@code e2e/browser} (Debian's
 * chromium, driven by playwright-core under node's test runner) against the running shop's
 * gateway. Their screenshots land in {@code e2e/browser/artifacts/}.
 */
@org.junit.jupiter.api.Order(4)
class BrowserIT {

  private static final Path BROWSER_TESTS =
      Path.of(System.getProperty("eventshop.home", "..")).resolve("e2e/browser");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void aShopperPlacesOrdersInARealBrowser() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; .ci/run does)")
        .isExecutable();
    RunningShop shop = RunningShop.get();
    String gateway = shop.url("gateway").orElseThrow();
    installPlaywrightOnce();

    Path output = BROWSER_TESTS.resolve("artifacts/node-test.log");
    Files.createDirectories(output.getParent());
    // The dashboard's test runs ./eventshop simulate against this shop, as a user would.
    int exit = run(List.of("node", "--test", "--test-concurrency=1", "tests/"), output,
        Map.of("EVENTSHOP_URL", gateway, "EVENTSHOP_DATA_DIR", shop.dataDir().toString(),
            "EVENTSHOP_HOME", BROWSER_TESTS.resolve("../..").normalize().toString()));

    assertThat(exit).as("browser tests passed; their output:%n%s", Files.readString(output))
        .isZero();
  }

  /** {@code npm ci} from the lock file when the dependencies are missing (no browser download). */
  private static void installPlaywrightOnce() throws Exception {
    if (Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))) {
      return;
    }
    Path output = BROWSER_TESTS.resolve("artifacts/npm-ci.log");
    Files.createDirectories(output.getParent());
    int exit = run(List.of("npm", "ci", "--no-audit", "--no-fund"), output,
        Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
    assertThat(exit).as("npm ci: %s", Files.readString(output)).isZero();
  }

  private static int run(List<String> command, Path output, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(BROWSER_TESTS.toFile())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("EVENTSHOP_NO_BUILD", "1");
    Process process = builder.start();
    if (!process.waitFor(6, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 6 minutes; see " + output);
    }
    return process.exitValue();
  }
}
