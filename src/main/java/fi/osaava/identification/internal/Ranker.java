package fi.osaava.identification.internal;

import fi.osaava.identification.MatchReason;
import fi.osaava.taxonomy.ConceptType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The fusion: turns a text's {@link SignalTable} into ranked skills, occupations and ISCO unit
 * groups, each with the reason and evidence of its strongest signal.
 */
final class Ranker {

  private final EscoSnapshot esco;
  private final FusionWeights weights;

  /** ISCO unit group concept by its four-digit code. */
  private final Map<String, Integer> groupOfCode = new HashMap<>();

  /** Each concept's four-digit ISCO unit group, or null. */
  private final String[] unitGroup;

  Ranker(EscoSnapshot esco, FusionWeights weights) {
    this.esco = esco;
    this.weights = weights;
    this.unitGroup = new String[esco.size()];
    for (int c = 0; c < esco.size(); c++) {
      unitGroup[c] = esco.iscoUnitGroup(c);
      if (esco.types[c] == ConceptType.ISCO_GROUP
          && unitGroup[c] != null
          && unitGroup[c].length() == 4) {
        groupOfCode.put(unitGroup[c], c);
      }
    }
  }

  /**
   * Skills by the fused score of their signals, best first.
   *
   * @param keep how many of the best are needed; the rest are left out unsorted
   */
  List<Candidate> skills(SignalTable signals, int keep) {
    List<Candidate> skills = new ArrayList<>();
    for (Map.Entry<Integer, Signals> e : signals.entries()) {
      if (esco.types[e.getKey()] == ConceptType.SKILL) {
        skills.add(skillCandidate(e.getKey(), e.getValue()));
      }
    }
    return best(skills, keep);
  }

  private Candidate skillCandidate(int concept, Signals s) {
    FusionWeights w = weights;
    float prior = esco.prior[concept];
    float[] features = {s.lex, s.literal ? 1 : 0, s.sem, s.desc, s.graph, prior};
    float lexPart = w.lexical() * s.lex + (s.literal ? w.literal() : 0);
    float semPart = w.semantic() * s.sem;
    float descPart = w.description() * s.desc;
    float graphPart = w.graph() * s.graph;
    double score = Engine.sigmoid(w.skillScore(features));
    MatchReason reason;
    List<int[]> spans;
    float best = Math.max(Math.max(lexPart, semPart), Math.max(descPart, graphPart));
    if (best == lexPart && s.lex > 0) {
      reason = s.literal ? MatchReason.LITERAL : MatchReason.MORPHOLOGICAL;
      spans = s.lexSpans;
    } else if (best == semPart && s.semSpan != null) {
      reason = MatchReason.SEMANTIC;
      spans = List.of(s.semSpan);
    } else if (best == descPart && s.descSpans != null) {
      reason = MatchReason.SEMANTIC;
      spans = s.descSpans;
    } else {
      reason = MatchReason.RELATED;
      spans = s.graphSpans == null ? List.of() : s.graphSpans;
    }
    return new Candidate(concept, score, reason, spans, features);
  }

  /**
   * Occupations from their titles in the text, from the text's meaning (English), and from the
   * skills found: an occupation whose essential skills the text shows ranks high.
   *
   * @param skills the text's skills, best first
   * @param keep how many of the best are needed; the rest are left out unsorted
   */
  List<Candidate> occupations(SignalTable signals, List<Candidate> skills, int keep) {
    Map<Integer, Float> support = new HashMap<>();
    int used = 0;
    for (Candidate skill : skills) {
      if (used++ >= weights.graphSkills()) {
        break;
      }
      for (int occupation : esco.occupationsOfSkill[skill.concept()]) {
        support.merge(occupation, (float) skill.score(), Float::sum);
      }
    }
    float maxSupport = 0;
    for (Map.Entry<Integer, Float> e : support.entrySet()) {
      float normalized =
          e.getValue() / (float) Math.sqrt(esco.essentialSkills[e.getKey()].length + 1.0);
      e.setValue(normalized);
      maxSupport = Math.max(maxSupport, normalized);
    }
    Set<Integer> concepts = new HashSet<>(support.keySet());
    for (Map.Entry<Integer, Signals> e : signals.entries()) {
      if (esco.types[e.getKey()] == ConceptType.OCCUPATION) {
        concepts.add(e.getKey());
      }
    }
    List<Candidate> result = new ArrayList<>(concepts.size());
    for (int c : concepts) {
      Signals s = signals.get(c);
      float lex = s == null ? 0 : s.lex;
      float sem = s == null ? 0 : s.sem;
      float graph = maxSupport <= 0 ? 0 : support.getOrDefault(c, 0f) / maxSupport;
      float title = s == null ? 0 : s.title;
      float titlePart = weights.occupationTitle() * title;
      float lexPart =
          weights.occupationLexical() * lex + (s != null && s.literal ? weights.literal() : 0);
      float semPart = weights.occupationSemantic() * sem;
      float graphPart = weights.occupationGraph() * graph;
      double score =
          Engine.sigmoid(weights.occupationBias() + lexPart + semPart + graphPart + titlePart);
      MatchReason reason;
      List<int[]> spans;
      // A positive lexical or title strength means the concept has signals (s is not null).
      if (lexPart >= semPart && lexPart >= graphPart && lex > 0 && s != null) {
        reason = s.literal ? MatchReason.LITERAL : MatchReason.MORPHOLOGICAL;
        spans = s.lexSpans;
      } else if (titlePart >= semPart
          && titlePart >= graphPart
          && title > 0
          && s != null
          && s.titleSpan != null) {
        reason = MatchReason.MORPHOLOGICAL;
        spans = List.of(s.titleSpan);
      } else if (semPart >= graphPart && s != null && s.semSpan != null) {
        reason = MatchReason.SEMANTIC;
        spans = List.of(s.semSpan);
      } else {
        reason = MatchReason.RELATED;
        spans = List.of();
      }
      result.add(new Candidate(c, score, reason, spans));
    }
    return best(result, keep);
  }

  /**
   * ISCO unit groups: their own labels, and the best of their occupations.
   *
   * @param occupations the text's occupations, best first
   */
  List<Candidate> iscoGroups(SignalTable signals, List<Candidate> occupations) {
    Map<String, Candidate> best = new HashMap<>();
    for (Candidate occupation : occupations) {
      String code = unitGroup[occupation.concept()];
      if (code != null) {
        best.merge(code, occupation, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    for (Map.Entry<Integer, Signals> e : signals.entries()) {
      int c = e.getKey();
      if (esco.types[c] != ConceptType.ISCO_GROUP) {
        continue;
      }
      String code = unitGroup[c];
      if (code == null || code.length() != 4) {
        continue;
      }
      Signals s = e.getValue();
      double score =
          Engine.sigmoid(
              weights.occupationBias()
                  + weights.occupationLexical() * s.lex
                  + (s.literal ? weights.literal() : 0));
      Candidate own =
          new Candidate(
              c, score, s.literal ? MatchReason.LITERAL : MatchReason.MORPHOLOGICAL, s.lexSpans);
      best.merge(code, own, (a, b) -> a.score() >= b.score() ? a : b);
    }
    List<Candidate> result = new ArrayList<>(best.size());
    for (Map.Entry<String, Candidate> e : best.entrySet()) {
      Integer group = groupOfCode.get(e.getKey());
      if (group != null) {
        Candidate c = e.getValue();
        // Just after its best occupation: the more specific answer first, the group as the
        // fallback. (Putting the group first when the occupation's title was not in the text word
        // for word lost more than it won on the Swedish development titles.)
        double score = c.concept() != group ? c.score() - 1e-6 : c.score();
        result.add(new Candidate(group, score, c.reason(), c.spans()));
      }
    }
    result.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return result;
  }

  /**
   * The {@code keep} best candidates, best first, exactly as the head of a stable sort by score
   * would give them (ties keep the list's order). A sentence supports thousands of occupations
   * through its skills, and sorting them all was a tenth of the lexical path's time when only the
   * first twenty are shown.
   */
  static List<Candidate> best(List<Candidate> candidates, int keep) {
    if (candidates.size() <= keep) {
      candidates.sort(BEST_FIRST);
      return candidates;
    }
    // A heap of the best seen so far, the worst of them at the root. Later positions lose ties.
    Comparator<Integer> worseFirst =
        (a, b) -> {
          int byScore = Double.compare(candidates.get(a).score(), candidates.get(b).score());
          return byScore != 0 ? byScore : Integer.compare(b, a);
        };
    PriorityQueue<Integer> heap = new PriorityQueue<>(keep + 1, worseFirst);
    for (int i = 0; i < candidates.size(); i++) {
      if (heap.size() < keep) {
        heap.add(i);
      } else if (keep > 0 && worseFirst.compare(i, heap.peek()) > 0) {
        heap.poll();
        heap.add(i);
      }
    }
    List<Integer> positions = new ArrayList<>(heap);
    positions.sort(worseFirst.reversed());
    List<Candidate> result = new ArrayList<>(positions.size());
    for (int i : positions) {
      result.add(candidates.get(i));
    }
    return result;
  }

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingDouble(Candidate::score).reversed();
}
