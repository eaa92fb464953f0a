package io.eventshop.sql.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the persistent queries keep their checkpoints: {@code <root>/<query>/<job>/chk-N}, one job
 * directory per run of the query, each with the last checkpoints Flink retained; push queries
 * in a directory of their own.
 */
final class QueryCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(QueryCheckpoints.class);
  private static final String METADATA = "_metadata";

  private final Path root;

  QueryCheckpoints(Path root) {
    this.root = root;
  }

  /** Where push queries checkpoint: apart from every persistent query's directory. */
  Path pushQueryDirectory() {
    return root.resolve("push-queries");
  }

  /** The directory a run of query {@code id} checkpoints into. */
  Path directoryOf(String id) {
    return root.resolve(id);
  }

  /**
   * The checkpoints of query {@code id} that wrote their metadata, newest first (by the time the
   * metadata was written: checkpoint numbers start again at 1 in every job directory).
   */
  List<Path> newestFirst(String id) {
    Path dir = directoryOf(id);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir, 3)) {
      return files.filter(path -> path.getFileName().toString().equals(METADATA))
          .map(Path::getParent)
          .filter(path -> path.getFileName().toString().startsWith("chk-"))
          .sorted(Comparator.comparingLong(QueryCheckpoints::metadataWritten).reversed())
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      // A directory Flink deletes while it is walked (a subsumed checkpoint) lands here too.
      log.warn("cannot read the checkpoints of {}: {}", id, e.toString());
      return List.of();
    }
  }

  private static long metadataWritten(Path checkpoint) {
    try {
      return Files.getLastModifiedTime(checkpoint.resolve(METADATA)).toMillis();
    } catch (IOException e) {
      return Long.MIN_VALUE;
    }
  }
}
