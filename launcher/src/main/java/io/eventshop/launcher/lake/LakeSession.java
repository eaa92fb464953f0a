package io.eventshop.launcher.lake;

import io.eventshop.launcher.sql.Outcome;
import io.eventshop.launcher.sql.SqlPrompt;
import io.eventshop.launcher.sql.Statement;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@code eventshop lake sql} at a prompt: each statement is one query of the lake service,
 * printed as {@code --file} prints it; a refused one is its problem's detail, and the prompt
 * carries on.
 */
public final class LakeSession implements SqlPrompt.Session {

  /** What Tab completes: DuckDB's words of a SELECT and the zones' schemas. */
  public static final List<String> KEYWORDS = List.of("ALL", "AND", "ANY_VALUE", "AS", "ASC",
      "AVG", "BETWEEN", "BY", "CASE", "CAST", "COUNT", "DATE", "DESC", "DESCRIBE", "DISTINCT",
      "ELSE", "END", "EXIT", "FILTER", "FROM", "GROUP", "HAVING", "IN", "INTERVAL", "IS", "JOIN",
      "LEFT", "LIMIT", "MAX", "MIN", "NOT", "NULL", "ON", "OR", "ORDER", "OVER", "PARTITION",
      "SELECT", "SUM", "SUMMARIZE", "THEN", "UNION", "UNNEST", "USING", "WHEN", "WHERE", "WITH",
      "raw.", "refined.");

  private final LakeClient lake;
  private final PrintWriter out;

  public LakeSession(LakeClient lake, PrintWriter out) {
    this.lake = lake;
    this.out = out;
  }

  @Override
  public String banner() {
    return "eventshop lake sql on " + lake.service() + ": one SELECT at a time, ended by ';'."
        + " Ctrl-D or exit; quits.";
  }

  @Override
  public Outcome run(Statement statement) {
    try {
      lake.query(statement.text()).lines().forEach(out::println);
      out.flush();
      return new Outcome.Ran();
    } catch (IOException e) {
      return new Outcome.Unreachable(lake.unreachable(e));
    } catch (LakeRefusal e) {
      return new Outcome.Failed(statement.line(), e.status(), e.reason());
    }
  }

  /** A query runs within the service's time limit, which ends it: nothing to cancel here. */
  @Override
  public void cancel() {
  }

  @Override
  public SortedSet<String> names() {
    return new TreeSet<>();
  }
}
