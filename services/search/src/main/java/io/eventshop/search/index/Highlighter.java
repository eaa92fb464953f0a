package io.eventshop.search.index;

import io.eventshop.search.index.QueryText.Clause;
import io.eventshop.search.index.QueryText.Phrase;
import io.eventshop.search.index.QueryText.Prefix;
import io.eventshop.search.index.QueryText.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.PorterStemmer;

/**
 * Marks the words of a hit's text that its query matched, by the rules the index matched them
 * with: a word exactly, by its stem or within its typo budget ({@link QueryText#maxEditDistance}),
 * the start of a word for a prefix, the words of a phrase in their order.
 *
 * <p>Lucene's unified highlighter found them from the query itself and, for a query with typo
 * tolerance, built the Levenshtein automata again for every highlighted field of every hit: nine
 * tenths of a query's CPU (about 90 of 100 ms with 100,000 products, see the README). A hit's few
 * short fields are split into words here and compared with the query's few words directly,
 * whichever backend holds the index.
 *
 * <p>One instance per query, used on one thread (the stemmer keeps state).
 */
final class Highlighter {

  private static final int MAX_FRAGMENTS = 3;
  /** A word as the analyzers split text: a run of letters and digits. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  /**
   * Where a sentence ends: its passages are the fragments, as the unified highlighter's were. (Not
   * {@link java.text.BreakIterator}: its first use loads locale data, half a second on a busy
   * machine, inside the first query.)
   */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+\\s+");

  /** A word of a text: where it is, and its form as the index holds it. */
  private record Token(int start, int end, String folded) {
  }

  private final PorterStemmer stemmer = new PorterStemmer();
  private final List<Predicate<String>> words = new ArrayList<>();
  private final List<List<String>> phrases = new ArrayList<>();

  Highlighter(QueryText query) {
    for (Clause clause : query.clauses()) {
      if (clause instanceof Word word) {
        word.parts().forEach(part -> words.add(similarTo(part)));
      } else if (clause instanceof Prefix prefix) {
        List<String> parts = prefix.parts();
        parts.subList(0, parts.size() - 1).forEach(part -> words.add(similarTo(part)));
        String start = parts.get(parts.size() - 1);
        words.add(token -> token.startsWith(start));
      } else if (clause instanceof Phrase phrase) {
        phrases.add(tokens(phrase.text()).stream().map(Token::folded).toList());
      }
    }
  }

  /** The passages of {@code text} with a match, HTML-escaped, matches in {@code <em>}. */
  List<String> fragments(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Token> tokens = tokens(text);
    boolean[] marked = marks(tokens);
    List<String> fragments = new ArrayList<>();
    Matcher sentenceEnd = SENTENCE_END.matcher(text);
    int start = 0;
    while (start < text.length() && fragments.size() < MAX_FRAGMENTS) {
      int end = sentenceEnd.find() ? sentenceEnd.end() : text.length();
      String fragment = fragment(text, start, end, tokens, marked);
      if (fragment != null) {
        fragments.add(fragment);
      }
      start = end;
    }
    return fragments;
  }

  /** The fragments of each value of a multi-valued field, at most three in all. */
  List<String> fragments(List<String> values) {
    List<String> fragments = new ArrayList<>();
    for (String value : values) {
      fragments.addAll(fragments(value));
    }
    return fragments.subList(0, Math.min(MAX_FRAGMENTS, fragments.size()));
  }

  private boolean[] marks(List<Token> tokens) {
    boolean[] marked = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i).folded();
      marked[i] = words.stream().anyMatch(word -> word.test(token));
    }
    for (List<String> phrase : phrases) {
      for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
        if (startsPhrase(tokens, i, phrase)) {
          for (int j = i; j < i + phrase.size(); j++) {
            marked[j] = true;
          }
        }
      }
    }
    return marked;
  }

  private static boolean startsPhrase(List<Token> tokens, int at, List<String> phrase) {
    for (int j = 0; j < phrase.size(); j++) {
      if (!tokens.get(at + j).folded().equals(phrase.get(j))) {
        return false;
      }
    }
    return !phrase.isEmpty();
  }

  /** The sentence {@code [start, end)} with its marked words in {@code <em>}; null if none. */
  private static String fragment(String text, int start, int end, List<Token> tokens,
                                 boolean[] marked) {
    StringBuilder fragment = new StringBuilder();
    int next = start;
    boolean any = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!marked[i] || token.start() < start || token.end() > end) {
        continue;
      }
      escape(text, next, token.start(), fragment);
      fragment.append("<em>");
      escape(text, token.start(), token.end(), fragment);
      fragment.append("</em>");
      next = token.end();
      any = true;
    }
    if (!any) {
      return null;
    }
    escape(text, next, end, fragment);
    return fragment.toString().strip();
  }

  private static void escape(String text, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
  }

  private static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      tokens.add(new Token(word.start(), word.end(), QueryText.fold(word.group())));
    }
    return tokens;
  }

  /** A word of the query as the index matches it: exactly, by its stem, or within its typos. */
  private Predicate<String> similarTo(String part) {
    String stem = stem(part);
    int typos = QueryText.maxEditDistance(part);
    return token -> token.equals(part) || stem(token).equals(stem)
        || EditDistance.atMost(token, part, typos);
  }

  private String stem(String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
