package fi.osaava.text;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.jspecify.annotations.Nullable;

/**
 * Emits each token unchanged and, at the same position, its Finnish lemmas and (optionally) the
 * lemmas of its compound parts, so that {@code ohjelmointia}, {@code ohjelmoinnin} and {@code
 * tietokoneohjelmointi} all index {@code ohjelmointi}. Put it after lower-casing: analysis is
 * case-insensitive and emits lower-case forms. Tokens marked as keywords pass untouched. Empty
 * tokens from upstream are dropped (their position increment is kept), so it never emits one.
 */
public final class FinnishMorphologyFilter extends TokenFilter {

  /** Token type of the added lemmas. */
  public static final String LEMMA_TYPE = "<LEMMA>";

  /** Token type of the added compound parts. */
  public static final String COMPOUND_PART_TYPE = "<COMPOUND_PART>";

  private final FinnishMorphology morphology;
  private final boolean compoundParts;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final ArrayDeque<String[]> pending = new ArrayDeque<>();
  private @Nullable State original;

  /**
   * @param compoundParts whether to add compound parts as well as lemmas: yes for indexing, and
   *     usually no for queries, where the parts would widen the match to either part
   */
  public FinnishMorphologyFilter(
      TokenStream input, FinnishMorphology morphology, boolean compoundParts) {
    super(input);
    this.morphology = Objects.requireNonNull(morphology, "morphology");
    this.compoundParts = compoundParts;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      String[] next = pending.poll();
      restoreState(original);
      term.setEmpty().append(next[0]);
      type.setType(next[1]);
      positionIncrement.setPositionIncrement(0);
      return true;
    }
    int skippedIncrement = 0;
    while (input.incrementToken()) {
      if (term.length() == 0) {
        skippedIncrement += positionIncrement.getPositionIncrement();
        continue;
      }
      if (skippedIncrement > 0) {
        positionIncrement.setPositionIncrement(
            positionIncrement.getPositionIncrement() + skippedIncrement);
      }
      if (!keyword.isKeyword()) {
        queueOtherForms();
      }
      return true;
    }
    return false;
  }

  private void queueOtherForms() {
    String word = term.toString();
    WordAnalysis analysis = morphology.analyze(word);
    if (!analysis.isKnown()) {
      return;
    }
    for (String lemma : analysis.otherForms(false)) {
      if (!lemma.equals(word)) {
        pending.add(new String[] {lemma, LEMMA_TYPE});
      }
    }
    if (compoundParts) {
      for (String part : analysis.compoundParts()) {
        if (!part.equals(word) && !analysis.lemmas().contains(part)) {
          pending.add(new String[] {part, COMPOUND_PART_TYPE});
        }
      }
    }
    if (!pending.isEmpty()) {
      original = captureState();
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    original = null;
  }
}
