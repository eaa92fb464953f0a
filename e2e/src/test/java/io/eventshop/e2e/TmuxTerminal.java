package io.eventshop.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A command in a real pseudo-terminal, driven as a user at a keyboard would: tmux runs it in a
 * detached session, {@link #type} and {@link #press} send keys (Ctrl-C through the terminal's
 * line discipline, as a SIGINT), {@link #screen} is what the user sees.
 */
final class TmuxTerminal implements AutoCloseable {

  private final String session = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  private final Path exitFile;

  private TmuxTerminal(Path exitFile) {
    this.exitFile = exitFile;
  }

  /**
   * Starts {@code command} (a shell command line) in a terminal 160 columns wide; its exit
   * status is kept for {@link #exitStatus}.
   */
  static TmuxTerminal start(String command) throws IOException, InterruptedException {
    Path exitFile = Files.createTempFile("tmux-exit", ".txt");
    Files.delete(exitFile);
    TmuxTerminal terminal = new TmuxTerminal(exitFile);
    terminal.tmux("new-session", "-d", "-s", terminal.session, "-x", "160", "-y", "50",
        command + "; echo $? > " + exitFile);
    return terminal;
  }

  /** Types {@code text} and presses Enter. */
  void type(String text) throws IOException, InterruptedException {
    keys(text);
    press("Enter");
  }

  /** Types {@code text}, and nothing more. */
  void keys(String text) throws IOException, InterruptedException {
    // tmux takes an argument's final ';' as the end of its command unless escaped
    String keys = text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text;
    tmux("send-keys", "-t", session, "-l", keys);
  }

  /** Presses a key by tmux's name for it: {@code C-c}, {@code C-d}, {@code Enter}. */
  void press(String key) throws IOException, InterruptedException {
    tmux("send-keys", "-t", session, key);
  }

  /** The screen and the scroll-back, as text. */
  String screen() throws IOException, InterruptedException {
    return tmux("capture-pane", "-p", "-J", "-t", session, "-S", "-2000");
  }

  /** The command's exit status once it has ended. */
  Optional<Integer> exitStatus() throws IOException {
    if (!Files.exists(exitFile)) {
      return Optional.empty();
    }
    String status = Files.readString(exitFile).strip();
    return status.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(status));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (exitStatus().isEmpty()) {
      tmux("kill-session", "-t", session);
    }
    Files.deleteIfExists(exitFile);
  }

  private String tmux(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(command + " failed: " + output);
    }
    return output;
  }
}
