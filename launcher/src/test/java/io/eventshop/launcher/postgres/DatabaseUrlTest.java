package io.eventshop.launcher.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  @Test
  void readsHostPortDatabaseAndTheUserInTheUrl() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://db.example:6432/crm?user=al%40ice&ssl=true"))
        .isEqualTo(new DatabaseUrl("db.example", 6432, "crm", "al@ice"));
  }

  @Test
  void takesPostgresqlsDefaultPortAndTheEmbeddedServersUserWhenTheUrlNamesNone() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://127.0.0.1/postgres"))
        .isEqualTo(new DatabaseUrl("127.0.0.1", 5432, "postgres", "postgres"));
  }

  @Test
  void addsAUserToAUrlWithOrWithoutParameters() {
    assertThat(DatabaseUrl.withUser("jdbc:postgresql://h/crm", "bob"))
        .isEqualTo("jdbc:postgresql://h/crm?user=bob");
    assertThat(DatabaseUrl.withUser("jdbc:postgresql://h/crm?ssl=true", "b b"))
        .isEqualTo("jdbc:postgresql://h/crm?ssl=true&user=b+b");
    assertThat(DatabaseUrl.parse(DatabaseUrl.withUser("jdbc:postgresql://h/crm", "b b")).user())
        .isEqualTo("b b");
  }

  @Test
  void refusesWhatIsNoPostgresqlUrlOfADatabase() {
    for (String bad : new String[] {"postgresql://h/crm", "jdbc:mysql://h/crm",
        "jdbc:postgresql://h", "jdbc:postgresql://h/"}) {
      assertThatThrownBy(() -> DatabaseUrl.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected jdbc:postgresql://host[:port]/database");
    }
  }
}
