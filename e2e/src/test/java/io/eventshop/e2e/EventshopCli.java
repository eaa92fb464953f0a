package io.eventshop.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code ./eventshop …} run against the running shop, as a user would in a second shell. */
final class EventshopCli {

  private static final Path HOME =
      Path.of(System.getProperty("eventshop.home", "..")).toAbsolutePath().normalize();

  /** What a command printed (standard output and error together) and its exit code. */
  record Run(int exit, String output) {
  }

  private EventshopCli() {
  }

  /** Runs {@code ./eventshop <args> --data-dir <the shop's>}; fails after 3 minutes. */
  static Run run(RunningShop shop, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("eventshop").toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--data-dir", shop.dataDir().toString()));
    Path output = Files.createTempFile("eventshop-cli", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().put("EVENTSHOP_NO_BUILD", "1");
    Process process = builder.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end in 3 minutes: "
          + Files.readString(output));
    }
    return new Run(process.exitValue(), Files.readString(output));
  }
}
