package io.eventshop.search.index;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the index, by name, defined alike for both backends. All split text into
 * words at {@link #NOT_A_WORD_CHARACTER}.
 *
 * <ul>
 *   <li>{@link #PLAIN}: words, lower case, accents folded, <b>not stemmed</b>. Text is matched
 *       fuzzily here: a stemmed term ("batteri" for "battery") is no longer a word a typo is
 *       near, so typo tolerance only works on unstemmed terms. Highlights come from these
 *       fields.</li>
 *   <li>{@link #STEMMED}: the same, English Porter stems ("mugs" finds "mug"), matched exactly.</li>
 *   <li>{@link #AUTOCOMPLETE}: edge n-grams of each word (1–20 characters) at indexing, searched
 *       with {@link #PLAIN}: a prefix of a word is a term of the index, so suggestions are
 *       simple term matches that may also be fuzzy.</li>
 *   <li>{@link #SORT}: a normalizer for keyword sort keys and filters (lower case, folded).</li>
 * </ul>
 */
public final class Analysis {

  public static final String PLAIN = "plain";
  public static final String STEMMED = "stemmed";
  public static final String AUTOCOMPLETE = "autocomplete";
  public static final String SORT = "sort";
  /**
   * Where text is split into words: at every character that is neither a letter nor a digit, so
   * that {@code ada@example.ch} is {@code ada}, {@code example}, {@code ch} and a query can
   * split a word the same way ({@link QueryText.Word#parts}).
   */
  public static final String NOT_A_WORD_CHARACTER = "[^\\p{L}\\p{N}]+";
  private static final String WORDS = "eventshop_words";

  private Analysis() {
  }

  /** The embedded Lucene backend's definitions. */
  public static final class Lucene implements LuceneAnalysisConfigurer {
    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
      context.analyzer(PLAIN).custom()
          .tokenizer("pattern").param("pattern", NOT_A_WORD_CHARACTER)
          .tokenFilter("lowercase").tokenFilter("asciiFolding");
      context.analyzer(STEMMED).custom()
          .tokenizer("pattern").param("pattern", NOT_A_WORD_CHARACTER)
          .tokenFilter("lowercase").tokenFilter("asciiFolding").tokenFilter("porterStem");
      context.analyzer(AUTOCOMPLETE).custom()
          .tokenizer("pattern").param("pattern", NOT_A_WORD_CHARACTER)
          .tokenFilter("lowercase").tokenFilter("asciiFolding")
          .tokenFilter("edgeNGram").param("minGramSize", "1").param("maxGramSize", "20");
      context.normalizer(SORT).custom().tokenFilter("lowercase").tokenFilter("asciiFolding");
    }
  }

  /** The Elasticsearch / OpenSearch backend's definitions (same names, same behaviour). */
  public static final class Elasticsearch implements ElasticsearchAnalysisConfigurer {
    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
      context.tokenizer(WORDS).type("pattern").param("pattern", NOT_A_WORD_CHARACTER);
      context.tokenFilter("eventshop_edge_ngram").type("edge_ngram")
          .param("min_gram", 1).param("max_gram", 20);
      context.analyzer(PLAIN).custom().tokenizer(WORDS)
          .tokenFilters("lowercase", "asciifolding");
      context.analyzer(STEMMED).custom().tokenizer(WORDS)
          .tokenFilters("lowercase", "asciifolding", "porter_stem");
      context.analyzer(AUTOCOMPLETE).custom().tokenizer(WORDS)
          .tokenFilters("lowercase", "asciifolding", "eventshop_edge_ngram");
      context.normalizer(SORT).custom().tokenFilters("lowercase", "asciifolding");
    }
  }
}
