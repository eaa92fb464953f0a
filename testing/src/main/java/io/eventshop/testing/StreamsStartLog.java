package io.eventshop.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * What a service started in-process logs, read for what its Kafka Streams did at start: which
 * store restored how many records from its changelog, whether a task was found corrupted. For
 * tests that restart a service on its own state ({@link InProcessService#startAs}).
 *
 * <p>Attach it from an initializer of the service's {@code SpringApplicationBuilder}: Spring Boot
 * resets Logback while it prepares the environment, an initializer runs after. Start the service
 * with {@link #LEVELS}: Kafka logs at WARN, and the lines read here are INFO.
 */
public final class StreamsStartLog {

  /** Command-line overrides that make Kafka Streams log the lines read here. */
  public static final String[] LEVELS = {
      "--logging.level.org.apache.kafka.streams.processor.internals.StoreChangelogReader=INFO",
      "--logging.level.org.apache.kafka.streams.processor.internals.ProcessorStateManager=INFO"};

  /** Kafka Streams' line for every changelog it has read into a store at start. */
  private static final Pattern RESTORED = Pattern.compile(
      "Finished restoring changelog \\S+ to store (\\S+) with a total number of (\\d+) records");
  /**
   * Kafka Streams' line for a store kept in memory (a suppression buffer, for one): such a store
   * is replayed from its changelog at every start, by design.
   */
  private static final Pattern IN_MEMORY = Pattern.compile(
      "Initializing to the starting offset for changelog \\S+ of in-memory state store (\\S+)");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  /** Sees every line from now on. */
  public void attach() {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender.setContext(logging);
    appender.start();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
  }

  /** The lines logged so far. */
  public List<String> lines() {
    return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  public List<String> errorLines() {
    return events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** One line per changelog read into a store so far, with its number of records. */
  public List<String> restoreLines() {
    return lines().stream().filter(line -> RESTORED.matcher(line).find()).toList();
  }

  /** The records restored so far into stores on disk: those a clean stop should have kept. */
  public long recordsRestoredIntoPersistentStores() {
    List<String> lines = lines();
    Set<String> inMemory = new HashSet<>();
    for (String line : lines) {
      Matcher store = IN_MEMORY.matcher(line);
      if (store.find()) {
        inMemory.add(store.group(1));
      }
    }
    long restored = 0;
    for (String line : lines) {
      Matcher restore = RESTORED.matcher(line);
      if (restore.find() && !inMemory.contains(restore.group(1))) {
        restored += Long.parseLong(restore.group(2));
      }
    }
    return restored;
  }

  /** The events logged so far (the appender adds under its own lock). */
  private List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }
}
