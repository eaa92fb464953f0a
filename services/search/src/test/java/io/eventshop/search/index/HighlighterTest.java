package io.eventshop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {

  private static List<String> highlight(String query, String text) {
    return new Highlighter(QueryText.parse(query)).fragments(text);
  }

  @Test
  void marksAWordFoundExactlyByItsStemOrWithATypo() {
    assertThat(highlight("mug", "Enamel Mug")).containsExactly("Enamel <em>Mug</em>");
    assertThat(highlight("batteries", "Battery Pack")).containsExactly("<em>Battery</em> Pack");
    assertThat(highlight("campign", "A sturdy camping mug"))
        .containsExactly("A sturdy <em>camping</em> mug");
  }

  @Test
  void leavesWordsBeyondTheTypoBudgetAndShortWordsUnmarked() {
    assertThat(highlight("kettle", "A kitten")).isEmpty();
    assertThat(highlight("at", "A cat at home")).containsExactly("A cat <em>at</em> home");
  }

  @Test
  void marksTheStartOfAWordForAPrefixAndAPhraseOnlyInItsOrder() {
    assertThat(highlight("cam*", "Camping mug")).containsExactly("<em>Camping</em> mug");
    assertThat(highlight("\"blue enamel\"", "Blue enamel, not enamel blue"))
        .containsExactly("<em>Blue</em> <em>enamel</em>, not enamel blue");
  }

  @Test
  void foldsAccentsAndEscapesTheTextAroundTheMarks() {
    assertThat(highlight("zurich", "Zürich <b>&</b> 'Bern'"))
        .containsExactly("<em>Zürich</em> &lt;b&gt;&amp;&lt;/b&gt; &#x27;Bern&#x27;");
  }

  @Test
  void givesOnlyTheSentencesWithAMatchAtMostThree() {
    assertThat(highlight("lamp", "A lamp. No match here. Another lamp! Lamp three. Lamp four."))
        .containsExactly("A <em>lamp</em>.", "Another <em>lamp</em>!", "<em>Lamp</em> three.");
  }

  @Test
  void takesTheFragmentsOfEachValueOfAListedField() {
    assertThat(new Highlighter(QueryText.parse("mug")).fragments(
        List.of("Reading Lamp", "Enamel Mug"))).containsExactly("Enamel <em>Mug</em>");
  }
}
