package io.eventshop.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.run.Json;
import org.junit.jupiter.api.Test;

class ReindexCommandTest {

  @Test
  void aProgressLineSaysHowFarHowManyAndHowFast() throws Exception {
    String line = ReindexCommand.line(Json.MAPPER.readTree("""
        {"state": "REBUILDING", "startedAt": "2026-12-01T19:00:00Z", "records": 25000,
         "offsetsRead": 25000, "offsetsToRead": 100000, "elapsedMs": 2500}"""));

    assertThat(line).isEqualTo(
        "[   2.5s] rebuilding 25,000 of 100,000 offsets read (25%), 25,000 records indexed,"
            + " 10,000 records/s");
  }

  @Test
  void aRebuildOfEmptyTopicsHasNoShareAndNoRate() throws Exception {
    String line = ReindexCommand.line(Json.MAPPER.readTree("""
        {"state": "DONE", "records": 0, "offsetsRead": 0, "offsetsToRead": 0, "elapsedMs": 0}"""));

    assertThat(line).contains("done", "0 of 0 offsets read (-)", "0 records indexed, -");
  }
}
