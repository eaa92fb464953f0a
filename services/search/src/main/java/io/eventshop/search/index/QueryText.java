package io.eventshop.search.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user typed into the search box, read as a short list of clauses that must all match:
 * a plain {@link Word} (typo-tolerant), a {@link Phrase} in double quotes (its words in order) or
 * a {@link Prefix} (a word ending in {@code *}). Nothing else is syntax: this is the shop's search
 * box, not Lucene's query language, so a user cannot write a query that is expensive by accident
 * (a leading wildcard, a regular expression) and every mistake has a message of its own.
 */
public record QueryText(List<Clause> clauses) {

  /** Longest query text taken. */
  public static final int MAX_LENGTH = 200;
  /** Most clauses in one query. */
  public static final int MAX_CLAUSES = 16;

  /** One part of the query. */
  public sealed interface Clause permits Word, Phrase, Prefix {
  }

  /**
   * A word as typed, found as an exact id or keyword ({@code mug-1}, an email address), or by its
   * {@link #parts} (the letters and digits between other characters, as the analyzers split
   * text), each exactly, by its stem or within a few typos.
   */
  public record Word(String text) implements Clause {

    /** The runs of letters and digits, lower case and folded. */
    public List<String> parts() {
      return List.of(fold(text).split(Analysis.NOT_A_WORD_CHARACTER)).stream()
          .filter(part -> !part.isEmpty()).toList();
    }
  }

  /**
   * Typos allowed in {@code part}: none for up to 2 characters, one up to 5, two beyond (the
   * "AUTO" rule of Elasticsearch): short words would otherwise match almost anything.
   */
  public static int maxEditDistance(String part) {
    int length = part.codePointCount(0, part.length());
    return length <= 2 ? 0 : length <= 5 ? 1 : 2;
  }

  /** Words that must appear together, in this order. */
  public record Phrase(String text) implements Clause {
  }

  /**
   * The start of a word, lower case and folded as the index holds its terms; made of several
   * parts ({@code e-ma*}), the last is the prefix and the others are whole words.
   */
  public record Prefix(String text) implements Clause {

    public List<String> parts() {
      return List.of(text.split(Analysis.NOT_A_WORD_CHARACTER)).stream()
          .filter(part -> !part.isEmpty()).toList();
    }
  }

  /** No clause: every document matches. */
  public boolean matchesAll() {
    return clauses.isEmpty();
  }

  /**
   * Reads {@code text} (null or blank: no clause).
   *
   * @throws InvalidQuery naming what is wrong: an unclosed quote, an empty phrase, a {@code *}
   *                      anywhere but at the end of a word, too long, too many clauses
   */
  public static QueryText parse(String text) {
    if (text == null || text.isBlank()) {
      return new QueryText(List.of());
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidQuery("must be at most " + MAX_LENGTH + " characters long");
    }
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw new InvalidQuery("has a quote at position " + (i + 1) + " that is not closed");
        }
        String phrase = text.substring(i + 1, end).strip();
        if (!hasLetterOrDigit(phrase)) {
          throw new InvalidQuery("has an empty phrase at position " + (i + 1));
        }
        clauses.add(new Phrase(phrase));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))
            && text.charAt(end) != '"') {
          end++;
        }
        String word = text.substring(i, end);
        clauses.add(word(word, i));
        i = end;
      }
    }
    clauses.removeIf(clause -> clause instanceof Word word && word.parts().isEmpty());
    if (clauses.size() > MAX_CLAUSES) {
      throw new InvalidQuery("has more than " + MAX_CLAUSES + " words and phrases");
    }
    return new QueryText(List.copyOf(clauses));
  }

  private static Clause word(String word, int position) {
    int star = word.indexOf('*');
    if (star < 0) {
      return new Word(word);
    }
    if (star != word.length() - 1) {
      throw new InvalidQuery("has a * at position " + (position + star + 1)
          + "; a * may only end a word, as in mu*");
    }
    String prefix = word.substring(0, star);
    if (!hasLetterOrDigit(prefix)) {
      throw new InvalidQuery("has a * at position " + (position + star + 1)
          + " without a word before it");
    }
    return new Prefix(fold(prefix));
  }

  /** Lower case without accents: what the {@link Analysis#PLAIN} analyzer makes of a word. */
  static String fold(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static boolean hasLetterOrDigit(String text) {
    return text.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
