package io.eventshop.lake.refine;

/**
 * What rebuilding one refined table did.
 *
 * @param table     {@code refined.<name>}
 * @param rows      the rows it holds now (0 when skipped)
 * @param skipped   why it was not rebuilt (a raw table it reads has no commit yet); null if it was
 * @param elapsedMs how long the rebuild took
 */
public record RefineResult(String table, long rows, String skipped, long elapsedMs) {
}
