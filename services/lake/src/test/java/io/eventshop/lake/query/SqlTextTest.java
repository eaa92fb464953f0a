package io.eventshop.lake.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {

  @Test
  void countsStatementsButNotSemicolonsInStringsNamesOrComments() {
    assertThat(SqlText.statementCount("SELECT 1")).isEqualTo(1);
    assertThat(SqlText.statementCount("SELECT 1;")).isEqualTo(1);
    assertThat(SqlText.statementCount("SELECT 1; SELECT 2")).isEqualTo(2);
    assertThat(SqlText.statementCount("SELECT ';' AS \"a;b\" -- ;\n /* ; */")).isEqualTo(1);
    assertThat(SqlText.statementCount("SELECT 'it''s; fine'")).isEqualTo(1);
    assertThat(SqlText.statementCount(" ; ;")).isZero();
    assertThat(SqlText.statementCount("-- nothing")).isZero();
  }

  @Test
  void findsTheFirstKeywordPastCommentsAndParentheses() {
    assertThat(SqlText.firstKeyword("  -- why\n /* a */ (select 1)")).isEqualTo("SELECT");
    assertThat(SqlText.firstKeyword("copy raw.orders to 'x'")).isEqualTo("COPY");
    assertThat(SqlText.firstKeyword("'text'")).isEmpty();
  }
}
