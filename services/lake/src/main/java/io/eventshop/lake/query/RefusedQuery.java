package io.eventshop.lake.query;

/**
 * A query the engine does not run or could not finish, with the reason in words for the person
 * who wrote it (answered 400, naming the field {@code sql}).
 */
public final class RefusedQuery extends RuntimeException {

  public RefusedQuery(String reason) {
    super(reason, null, false, false);
  }
}
