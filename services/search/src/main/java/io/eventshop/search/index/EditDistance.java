package io.eventshop.search.index;

/**
 * The number of typos between two words as Lucene's fuzzy queries count them: a letter inserted,
 * deleted or replaced, or two neighbours swapped ("optimal string alignment").
 */
final class EditDistance {

  private EditDistance() {
  }

  /** Whether {@code a} and {@code b} are at most {@code max} typos apart. */
  static boolean atMost(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return false;
    }
    if (max == 0) {
      return a.equals(b);
    }
    int[] beforeLast = new int[b.length() + 1];
    int[] last = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      last[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      int best = row[0];
      for (int j = 1; j <= b.length(); j++) {
        int replace = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j - 1] + 1, last[j] + 1), last[j - 1] + replace);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          row[j] = Math.min(row[j], beforeLast[j - 2] + 1);
        }
        best = Math.min(best, row[j]);
      }
      if (best > max) {
        return false;
      }
      int[] recycled = beforeLast;
      beforeLast = last;
      last = row;
      row = recycled;
    }
    return last[b.length()] <= max;
  }
}
