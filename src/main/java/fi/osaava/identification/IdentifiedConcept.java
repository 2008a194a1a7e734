package fi.osaava.identification;

import fi.osaava.platform.LocalizedText;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import java.util.List;

/**
 * One suggested skill or occupation.
 *
 * @param label the preferred label in the language asked for (or the text's), else a fallback
 * @param score confidence between 0 and 1
 * @param reason the strongest kind of match behind the suggestion
 * @param evidence where in the original text it was found; empty only when inferred (occupations
 *     from skills)
 * @param confident whether the score reached the threshold asked for; false for the best few below
 *     it, shown when too few reached it so that a text naming a competence never gets an empty list
 */
public record IdentifiedConcept(
    ConceptUri uri,
    ConceptType type,
    LocalizedText label,
    double score,
    MatchReason reason,
    List<Evidence> evidence,
    boolean confident) {

  public IdentifiedConcept {
    evidence = List.copyOf(evidence);
  }

  /**
   * Whether the text names this concept by its words (a title such as "lähihoitaja" or
   * "Lagerarbetare"), confidently, rather than suggesting it by meaning or through related skills.
   */
  public boolean namedInText() {
    return confident && (reason == MatchReason.LITERAL || reason == MatchReason.MORPHOLOGICAL);
  }
}
