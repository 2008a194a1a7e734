package fi.osaava.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What morphology knows of one word. All forms are lower case, because analysis is case-insensitive
 * and its results end up in case-folded search indexes.
 *
 * @param word the word as analysed (stripped, lower case)
 * @param lemmas its base forms, such as {@code projektinhallinta} for {@code projektinhallinnan};
 *     more than one when the word is ambiguous, empty when the word is unknown
 * @param compoundParts the base forms of the parts of a compound, such as {@code projekti} and
 *     {@code hallinta}; empty when the word is not a compound or is unknown
 */
public record WordAnalysis(String word, List<String> lemmas, List<String> compoundParts) {

  public WordAnalysis {
    Objects.requireNonNull(word, "word");
    lemmas = List.copyOf(lemmas);
    compoundParts = List.copyOf(compoundParts);
  }

  /** A word morphology could not analyse: it has no lemma and no parts. */
  public static WordAnalysis unknown(String word) {
    return new WordAnalysis(word, List.of(), List.of());
  }

  public boolean isKnown() {
    return !lemmas.isEmpty();
  }

  /**
   * The forms other than the word itself, lemmas first, without duplicates: what a search index
   * adds next to the word so that other inflections and the compound's parts find it.
   *
   * @param withCompoundParts whether to include the compound parts
   */
  public List<String> otherForms(boolean withCompoundParts) {
    Set<String> forms = new LinkedHashSet<>(lemmas);
    if (withCompoundParts) {
      forms.addAll(compoundParts);
    }
    forms.remove(word);
    forms.removeIf(String::isBlank);
    return new ArrayList<>(forms);
  }
}
