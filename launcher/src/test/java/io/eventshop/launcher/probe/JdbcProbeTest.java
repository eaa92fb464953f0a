package io.eventshop.launcher.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.launcher.broker.KafkaBroker;
import io.eventshop.launcher.catalogue.ComponentKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL 17 (zonky's embedded server, which runs unprivileged as root too). */
class JdbcProbeTest {

  private static EmbeddedPostgres postgres;
  private static String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    url = ComponentKind.DATABASE.url(postgres.getPort());
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void isReadyWhenTheQueryReturnsARow() {
    assertThat(new JdbcProbe("postgres", "SELECT 1").isReady(url, Optional.empty())).isTrue();
  }

  @Test
  void isNotReadyWhenTheQueryFailsOrReturnsNothing() {
    assertThat(new JdbcProbe("postgres", "SELECT * FROM crm_customers")
        .isReady(url, Optional.empty())).isFalse();
    assertThat(new JdbcProbe("postgres", "SELECT 1 WHERE false").isReady(url, Optional.empty()))
        .isFalse();
  }

  @Test
  void isNotReadyForAnotherDatabaseOrUser() {
    assertThat(new JdbcProbe("postgres", "SELECT 1")
        .isReady(url.replace("/postgres", "/crm"), Optional.empty())).isFalse();
    assertThat(new JdbcProbe("nobody", "SELECT 1").isReady(url, Optional.empty())).isFalse();
  }

  @Test
  void isNotReadyWhenNothingListens() throws Exception {
    String nowhere = ComponentKind.DATABASE.url(KafkaBroker.freePort());

    assertThat(new JdbcProbe("postgres", "SELECT 1").isReady(nowhere, Optional.empty()))
        .isFalse();
  }
}
