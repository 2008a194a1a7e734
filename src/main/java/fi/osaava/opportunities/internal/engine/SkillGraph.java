package fi.osaava.opportunities.internal.engine;

import fi.osaava.taxonomy.ConceptUri;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ESCO's skill pillar as int-indexed adjacency arrays: every skill and skill group gets a dense id,
 * and proximity between skills comes from the hierarchy (a shared direct broader concept, or one
 * being the broader of the other) and from skill–skill relations. Immutable once built.
 */
public final class SkillGraph {

  /** Credit for a required skill that the person holds. */
  public static final float HELD = 1f;

  /** Credit from a skill–skill relation, or from the required skill's direct broader/narrower. */
  public static final float RELATED = 0.5f;

  /** Credit from a sibling: both skills hang directly under the same broader concept. */
  public static final float SIBLING = 0.3f;

  /**
   * Broader concepts with more children than this give no sibling credit: under a wide group such
   * as "communication" the siblings have little in common.
   */
  static final int MAX_SIBLINGS = 40;

  private final Map<ConceptUri, Integer> ids;
  private final ConceptUri[] uris;
  private final int[][] parents;
  private final int[][] children;
  private final int[][] related;

  private SkillGraph(
      Map<ConceptUri, Integer> ids,
      ConceptUri[] uris,
      int[][] parents,
      int[][] children,
      int[][] related) {
    this.ids = ids;
    this.uris = uris;
    this.parents = parents;
    this.children = children;
    this.related = related;
  }

  public int size() {
    return uris.length;
  }

  /** The dense id of a skill or skill group, or -1 when the graph does not know it. */
  public int id(ConceptUri uri) {
    Integer id = ids.get(uri);
    return id == null ? -1 : id;
  }

  public ConceptUri uri(int id) {
    return uris[id];
  }

  /** Ids of the known URIs, sorted and without duplicates; unknown URIs are skipped. */
  public int[] ids(Iterable<ConceptUri> skills) {
    int[] out = new int[16];
    int n = 0;
    for (ConceptUri uri : skills) {
      int id = id(uri);
      if (id >= 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = id;
      }
    }
    return Arrays.stream(out, 0, n).sorted().distinct().toArray();
  }

  /**
   * The credit every skill earns from the held skills: {@link #HELD} for held ones, else the best
   * proximity to any held skill (0 when none). Cost is linear in the held skills and their
   * neighbourhoods, so a profile of any size is fine.
   */
  public float[] credits(int[] held) {
    float[] credit = new float[uris.length];
    for (int h : held) {
      for (int r : related[h]) {
        raise(credit, r, RELATED);
      }
      for (int p : parents[h]) {
        raise(credit, p, RELATED);
        if (children[p].length <= MAX_SIBLINGS) {
          for (int sibling : children[p]) {
            raise(credit, sibling, SIBLING);
          }
        }
      }
      for (int c : children[h]) {
        raise(credit, c, RELATED);
      }
    }
    for (int h : held) {
      credit[h] = HELD;
    }
    return credit;
  }

  private static void raise(float[] credit, int id, float value) {
    if (credit[id] < value) {
      credit[id] = value;
    }
  }

  /** How a held skill is near a required one, for explanations. */
  public enum Nearness {
    RELATED_SKILL,
    BROADER,
    NARROWER,
    SIBLING
  }

  /** A held skill near a missing one, and why. */
  public record Near(int skill, Nearness nearness, float credit) {}

  /** The held skills (given as a sorted id array) near {@code skill}, closest first. */
  public List<Near> nearHeld(int skill, int[] heldSorted) {
    List<Near> out = new ArrayList<>();
    for (int r : related[skill]) {
      if (Arrays.binarySearch(heldSorted, r) >= 0) {
        out.add(new Near(r, Nearness.RELATED_SKILL, RELATED));
      }
    }
    for (int p : parents[skill]) {
      if (Arrays.binarySearch(heldSorted, p) >= 0) {
        out.add(new Near(p, Nearness.BROADER, RELATED));
      }
    }
    for (int c : children[skill]) {
      if (Arrays.binarySearch(heldSorted, c) >= 0) {
        out.add(new Near(c, Nearness.NARROWER, RELATED));
      }
    }
    for (int p : parents[skill]) {
      if (children[p].length <= MAX_SIBLINGS) {
        for (int sibling : children[p]) {
          if (sibling != skill && Arrays.binarySearch(heldSorted, sibling) >= 0) {
            out.add(new Near(sibling, Nearness.SIBLING, SIBLING));
          }
        }
      }
    }
    return out.stream().distinct().toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects concepts and relations, then freezes them into arrays. */
  public static final class Builder {
    private final Map<ConceptUri, Integer> ids = new HashMap<>();
    private final List<ConceptUri> uris = new ArrayList<>();
    private final List<int[]> broader = new ArrayList<>();
    private final List<int[]> relations = new ArrayList<>();

    public int add(ConceptUri uri) {
      return ids.computeIfAbsent(
          uri,
          u -> {
            uris.add(u);
            return uris.size() - 1;
          });
    }

    public Builder broader(ConceptUri concept, ConceptUri parent) {
      broader.add(new int[] {add(concept), add(parent)});
      return this;
    }

    public Builder related(ConceptUri skill, ConceptUri other) {
      relations.add(new int[] {add(skill), add(other)});
      return this;
    }

    public SkillGraph build() {
      int n = uris.size();
      int[][] parents = adjacency(n, broader, false);
      int[][] children = adjacency(n, broader, true);
      List<int[]> both = new ArrayList<>(relations);
      relations.forEach(r -> both.add(new int[] {r[1], r[0]}));
      int[][] related = adjacency(n, both, false);
      return new SkillGraph(
          Map.copyOf(ids), uris.toArray(ConceptUri[]::new), parents, children, related);
    }

    private static int[][] adjacency(int n, List<int[]> edges, boolean reverse) {
      int[] degree = new int[n];
      for (int[] e : edges) {
        degree[reverse ? e[1] : e[0]]++;
      }
      int[][] out = new int[n][];
      for (int i = 0; i < n; i++) {
        out[i] = new int[degree[i]];
      }
      int[] fill = new int[n];
      for (int[] e : edges) {
        int from = reverse ? e[1] : e[0];
        int to = reverse ? e[0] : e[1];
        out[from][fill[from]++] = to;
      }
      for (int i = 0; i < n; i++) {
        out[i] = Arrays.stream(out[i]).sorted().distinct().toArray();
      }
      return out;
    }
  }
}
