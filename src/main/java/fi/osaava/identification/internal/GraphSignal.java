package fi.osaava.identification.internal;

import fi.osaava.taxonomy.ConceptType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The occupation–skill graph: an occupation named in the text lends its essential skills its own
 * label strength, and its optional skills half of it. Runs after the other signals, as it reads the
 * occupations they found.
 */
final class GraphSignal {

  private final EscoSnapshot esco;
  private final FusionWeights weights;

  GraphSignal(EscoSnapshot esco, FusionWeights weights) {
    this.esco = esco;
    this.weights = weights;
  }

  /** An occupation named in the text, with its label strength and where it is named. */
  private record NamedOccupation(int concept, float strength, List<int[]> spans) {}

  void collect(SignalTable signals) {
    List<NamedOccupation> occupationsByTitle = new ArrayList<>();
    for (Map.Entry<Integer, Signals> e : signals.entries()) {
      int c = e.getKey();
      if (esco.types[c] == ConceptType.OCCUPATION && e.getValue().lex >= weights.titleThreshold()) {
        occupationsByTitle.add(new NamedOccupation(c, e.getValue().lex, e.getValue().lexSpans));
      }
    }
    for (NamedOccupation occupation : occupationsByTitle) {
      propagate(signals, occupation, esco.essentialSkills[occupation.concept()], 1f);
      propagate(signals, occupation, esco.optionalSkills[occupation.concept()], 0.5f);
    }
  }

  private static void propagate(
      SignalTable signals, NamedOccupation occupation, int[] skills, float weight) {
    for (int skill : skills) {
      Signals s = signals.of(skill);
      float value = occupation.strength() * weight;
      if (value > s.graph) {
        s.graph = value;
        s.graphSpans = occupation.spans();
      }
    }
  }
}
