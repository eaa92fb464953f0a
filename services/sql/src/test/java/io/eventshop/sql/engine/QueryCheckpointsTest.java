package io.eventshop.sql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryCheckpointsTest {

  @TempDir
  Path root;

  @Test
  void theNewestWrittenMetadataComesFirstAcrossTheRunsOfAQuery() throws Exception {
    Path firstRunLast = checkpoint("CTAS_X_1/job-a/chk-9", 2_000);
    Path secondRunFirst = checkpoint("CTAS_X_1/job-b/chk-1", 3_000);
    Path secondRunBefore = checkpoint("CTAS_X_1/job-b/chk-0", 1_000);

    assertThat(new QueryCheckpoints(root).newestFirst("CTAS_X_1"))
        .containsExactly(secondRunFirst, firstRunLast, secondRunBefore);
  }

  @Test
  void aCheckpointStillBeingWrittenHasNoMetadataAndIsLeftOut() throws Exception {
    Path written = checkpoint("CTAS_X_1/job-a/chk-3", 1_000);
    Files.createDirectories(root.resolve("CTAS_X_1/job-a/chk-4"));
    Files.createDirectories(root.resolve("CTAS_X_1/job-a/shared"));

    assertThat(new QueryCheckpoints(root).newestFirst("CTAS_X_1")).containsExactly(written);
  }

  @Test
  void aQueryThatNeverCheckpointedHasNone() {
    assertThat(new QueryCheckpoints(root).newestFirst("CTAS_NEW_2")).isEmpty();
  }

  private Path checkpoint(String path, long writtenAt) throws Exception {
    Path dir = Files.createDirectories(root.resolve(path));
    Path metadata = Files.write(dir.resolve("_metadata"), new byte[] {1});
    Files.setLastModifiedTime(metadata, FileTime.fromMillis(writtenAt));
    return dir;
  }
}
