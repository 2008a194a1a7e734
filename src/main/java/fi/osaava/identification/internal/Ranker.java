package fi.osaava.identification.internal;

import fi.osaava.identification.MatchReason;
import fi.osaava.taxonomy.ConceptType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

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
    OccupationScratch polled = scratchPool.poll();
    OccupationScratch scratch = polled != null ? polled : new OccupationScratch(esco.size());
    try {
      return occupations(signals, skills, keep, scratch);
    } finally {
      scratchPool.offer(scratch);
    }
  }

  private List<Candidate> occupations(
      SignalTable signals, List<Candidate> skills, int keep, OccupationScratch scratch) {
    int stamp = ++scratch.stamp;
    float[] support = scratch.support;
    int[] concepts = scratch.concepts;
    int n = 0;
    int used = 0;
    for (Candidate skill : skills) {
      if (used++ >= weights.graphSkills()) {
        break;
      }
      for (int occupation : esco.occupationsOfSkill[skill.concept()]) {
        if (scratch.seen[occupation] != stamp) {
          scratch.seen[occupation] = stamp;
          support[occupation] = 0;
          concepts[n++] = occupation;
        }
        support[occupation] += (float) skill.score();
      }
    }
    float maxSupport = 0;
    for (int i = 0; i < n; i++) {
      int c = concepts[i];
      support[c] = support[c] / (float) Math.sqrt(esco.essentialSkills[c].length + 1.0);
      maxSupport = Math.max(maxSupport, support[c]);
    }
    for (Map.Entry<Integer, Signals> e : signals.entries()) {
      int c = e.getKey();
      if (esco.types[c] == ConceptType.OCCUPATION && scratch.seen[c] != stamp) {
        scratch.seen[c] = stamp;
        support[c] = 0;
        concepts[n++] = c;
      }
    }
    // Ties keep the concepts' order, so that equal scores rank the same way on every run.
    Arrays.sort(concepts, 0, n);
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = occupationScore(concepts[i], signals.get(concepts[i]), support, maxSupport);
    }
    // Only the occupations shown get their reason and evidence worked out.
    int[] chosen = bestPositions(scores, n, keep);
    List<Candidate> result = new ArrayList<>(chosen.length);
    for (int i : chosen) {
      int c = concepts[i];
      result.add(occupationCandidate(c, scores[i], signals.get(c), graph(c, support, maxSupport)));
    }
    return result;
  }

  private static float graph(int concept, float[] support, float maxSupport) {
    return maxSupport <= 0 ? 0 : support[concept] / maxSupport;
  }

  private double occupationScore(int c, @Nullable Signals s, float[] support, float maxSupport) {
    float lex = s == null ? 0 : s.lex;
    float sem = s == null ? 0 : s.sem;
    float title = s == null ? 0 : s.title;
    float lexPart =
        weights.occupationLexical() * lex + (s != null && s.literal ? weights.literal() : 0);
    return Engine.sigmoid(
        weights.occupationBias()
            + lexPart
            + weights.occupationSemantic() * sem
            + weights.occupationGraph() * graph(c, support, maxSupport)
            + weights.occupationTitle() * title);
  }

  private Candidate occupationCandidate(int c, double score, @Nullable Signals s, float graph) {
    float lex = s == null ? 0 : s.lex;
    float sem = s == null ? 0 : s.sem;
    float title = s == null ? 0 : s.title;
    float titlePart = weights.occupationTitle() * title;
    float lexPart =
        weights.occupationLexical() * lex + (s != null && s.literal ? weights.literal() : 0);
    float semPart = weights.occupationSemantic() * sem;
    float graphPart = weights.occupationGraph() * graph;
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
    return new Candidate(c, score, reason, spans);
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
   * would give them (ties keep the list's order).
   */
  static List<Candidate> best(List<Candidate> candidates, int keep) {
    double[] scores = new double[candidates.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = candidates.get(i).score();
    }
    int[] chosen = bestPositions(scores, scores.length, keep);
    List<Candidate> result = new ArrayList<>(chosen.length);
    for (int i : chosen) {
      result.add(candidates.get(i));
    }
    return result;
  }

  /**
   * The positions of the {@code keep} highest of the first {@code n} scores, best first, ties in
   * position order: the head of a stable sort. A sentence supports thousands of occupations through
   * its skills, and sorting them all was a tenth of the lexical path's time when twenty are shown.
   */
  static int[] bestPositions(double[] scores, int n, int keep) {
    int k = Math.max(0, Math.min(keep, n));
    // A heap of the best seen so far, the worst of them at the root.
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < n && k > 0; i++) {
      if (size < k) {
        heap[size] = i;
        siftUp(heap, size++, scores);
      } else if (worse(heap[0], i, scores)) {
        heap[0] = i;
        siftDown(heap, size, scores);
      }
    }
    // Taking the worst off the root fills the answer from its end.
    int[] best = new int[size];
    for (int end = size - 1; end >= 0; end--) {
      best[end] = heap[0];
      heap[0] = heap[end];
      siftDown(heap, end, scores);
    }
    return best;
  }

  /** Whether position a ranks below position b: a lower score, or an equal one later. */
  private static boolean worse(int a, int b, double[] scores) {
    int byScore = Double.compare(scores[a], scores[b]);
    return byScore < 0 || (byScore == 0 && a > b);
  }

  private static void siftUp(int[] heap, int i, double[] scores) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!worse(heap[i], heap[parent], scores)) {
        return;
      }
      int tmp = heap[i];
      heap[i] = heap[parent];
      heap[parent] = tmp;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, double[] scores) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < size && worse(heap[l], heap[m], scores)) {
        m = l;
      }
      if (r < size && worse(heap[r], heap[m], scores)) {
        m = r;
      }
      if (m == i) {
        return;
      }
      int tmp = heap[i];
      heap[i] = heap[m];
      heap[m] = tmp;
      i = m;
    }
  }

  /** Per-call arrays over all concepts, reused: a sentence touches a few thousand of them. */
  private static final class OccupationScratch {
    final float[] support;
    final int[] seen;
    final int[] concepts;
    int stamp;

    OccupationScratch(int concepts) {
      this.support = new float[concepts];
      this.seen = new int[concepts];
      this.concepts = new int[concepts];
    }
  }

  private final ConcurrentLinkedQueue<OccupationScratch> scratchPool =
      new ConcurrentLinkedQueue<>();
}
