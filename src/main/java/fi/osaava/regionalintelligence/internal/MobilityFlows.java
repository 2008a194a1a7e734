package fi.osaava.regionalintelligence.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Moves of people between regions counted and published with small figures suppressed. Every move
 * is one person (the source gives each person's latest move of the period only), so the counts are
 * people and the tables' sums hold exactly: they are one system for {@link Suppression}, which
 * hides every figure below the minimum and every figure that would let a reader compute one.
 *
 * <p>Figures (a key each; a key not published and not hidden stands for 0, a pair of regions or a
 * group nobody moved in, which reveals no one):
 *
 * <ul>
 *   <li>{@code all}: everyone who moved between regions;
 *   <li>{@code out|o}, {@code in|d}: who left region o, who arrived in region d;
 *   <li>{@code flow|o|d}: from o to d; {@code flow|o|d|G} of them in ISCO major group G;
 *   <li>{@code gout|o|G}, {@code gin|d|G}: left o / arrived in d in group G, where G is a major
 *       group (one digit) or a sub-major group (two digits); {@code X} and {@code XX} when no
 *       occupation was given;
 *   <li>{@code g|G}: everyone who moved in group G;
 *   <li>with sub-region figures (the national system, {@link #publish(List, int, boolean)}): {@code
 *       sout|s}, {@code sin|s}: who left sub-region s for another region, who arrived in s from
 *       another region; {@code sgout|s|G}, {@code sgin|s|G} of them in major group G; {@code
 *       sflow|s|Q}: left s for region Q, {@code sflowin|P|s}: arrived in s from region P (all
 *       groups only, to keep the system small). A region's municipalities without a sub-region are
 *       a part of their own, {@link #noSubRegion}, so that every sum below stays exact.
 * </ul>
 *
 * The sums: {@code all} is the sum of the {@code out}s, of the {@code in}s and of the major groups;
 * a region's {@code out} (or {@code in}) is the sum of its flows and of its major groups; a major
 * group's figure is the sum of its sub-major groups'; a flow is the sum of its major groups, and a
 * region's major group out (in) the sum of its flows in that group; a group's total is the sum over
 * regions. With sub-region figures, a region's {@code out} ({@code in}, its major group's {@code
 * gout}, {@code gin}) is also the sum of its sub-regions' {@code sout} ({@code sin}, {@code sgout},
 * {@code sgin}), and a sub-region's {@code sout} ({@code sin}) the sum of its major groups and the
 * sum of its {@code sflow}s ({@code sflowin}s); a flow from R to Q is the sum of the {@code
 * sflow|s|Q} of R's sub-regions, and a flow from P into R the sum of the {@code sflowin|P|s}. These
 * people are the same as in the region figures, so their sub-region figures are decided in the same
 * suppression as the region figures: decided apart, a published sub-region figure subtracted from a
 * published region total could give away a figure hidden on the other side.
 */
public final class MobilityFlows {

  /**
   * One person's move from region {@code from} to region {@code to} in sub-major group, with the
   * sub-regions of the two municipalities ({@code fromSubRegion}, {@code toSubRegion}; null where a
   * municipality has none, or in a system without sub-region figures).
   */
  public record Move(
      String from,
      String to,
      String subMajor,
      @Nullable String fromSubRegion,
      @Nullable String toSubRegion) {

    /** A move without sub-regions: a region's own system, whose areas are sub-regions already. */
    public Move(String from, String to, String subMajor) {
      this(from, to, subMajor, null, null);
    }

    String major() {
      return subMajor.substring(0, 1);
    }

    /** The part of region {@code from} the person left: its sub-region, or its "no sub-region". */
    String fromPart() {
      return fromSubRegion == null ? noSubRegion(from) : fromSubRegion;
    }

    String toPart() {
      return toSubRegion == null ? noSubRegion(to) : toSubRegion;
    }
  }

  /**
   * The part of {@code region} that is in no sub-region (municipalities without one), a sub-region
   * figure's area like a sub-region code. Without it a region's total would be more than the sum of
   * its sub-regions by a number nobody publishes, and the sum could not be given to the
   * suppression.
   */
  public static String noSubRegion(String region) {
    return "-" + region;
  }

  /** The figures as published: a hidden figure is in {@code hidden}, a zero in neither. */
  public record Published(Map<String, Long> shown, java.util.Set<String> hidden) {

    /** The figure of {@code key}: its value, null when hidden, 0 when nobody. */
    public @Nullable Long get(String key) {
      if (hidden.contains(key)) {
        return null;
      }
      return shown.getOrDefault(key, 0L);
    }

    public boolean isEmpty() {
      return shown.isEmpty() && hidden.isEmpty();
    }
  }

  private MobilityFlows() {}

  /** The unknown group's code at the major and the sub-major level. */
  public static final String UNKNOWN_MAJOR = "X";

  public static final String UNKNOWN_SUB_MAJOR = "XX";

  /** The true counts of every figure that is not zero, by key. */
  static Map<String, Long> counts(List<Move> moves, boolean subRegions) {
    Map<String, Long> counts = new TreeMap<>();
    for (Move m : moves) {
      if (subRegions) {
        for (String key :
            List.of(
                "sout|" + m.fromPart(),
                "sin|" + m.toPart(),
                "sgout|" + m.fromPart() + "|" + m.major(),
                "sgin|" + m.toPart() + "|" + m.major(),
                "sflow|" + m.fromPart() + "|" + m.to(),
                "sflowin|" + m.from() + "|" + m.toPart())) {
          counts.merge(key, 1L, Long::sum);
        }
      }
      String major = m.major();
      for (String key :
          List.of(
              "all",
              "out|" + m.from(),
              "in|" + m.to(),
              "flow|" + m.from() + "|" + m.to(),
              "flow|" + m.from() + "|" + m.to() + "|" + major,
              "gout|" + m.from() + "|" + major,
              "gin|" + m.to() + "|" + major,
              "gout|" + m.from() + "|" + m.subMajor(),
              "gin|" + m.to() + "|" + m.subMajor(),
              "g|" + major,
              "g|" + m.subMajor())) {
        counts.merge(key, 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * The sums among the figures, each as (total, parts), over the keys of {@code counts}; {@code
   * partsOf} gives each region's sub-regions (and its "no sub-region" part) that moves name, empty
   * without sub-region figures.
   */
  static List<String[]> sums(Map<String, Long> counts, Map<String, TreeSet<String>> partsOf) {
    TreeSet<String> regions = new TreeSet<>();
    TreeSet<String> majors = new TreeSet<>();
    Map<String, List<String>> subsOf = new TreeMap<>();
    for (String key : counts.keySet()) {
      String[] p = key.split("\\|");
      if (p[0].equals("out") || p[0].equals("in")) {
        regions.add(p[1]);
      } else if (p[0].equals("g")) {
        if (p[1].length() == 1) {
          majors.add(p[1]);
        } else {
          subsOf.computeIfAbsent(p[1].substring(0, 1), k -> new ArrayList<>()).add(p[1]);
        }
      }
    }
    List<String[]> sums = new ArrayList<>();
    List<String> outs = new ArrayList<>();
    List<String> ins = new ArrayList<>();
    for (String r : regions) {
      outs.add("out|" + r);
      ins.add("in|" + r);
    }
    sum(sums, counts, "all", outs);
    sum(sums, counts, "all", ins);
    sum(sums, counts, "all", majors.stream().map(g -> "g|" + g).toList());
    for (String g : majors) {
      List<String> subs = subsOf.getOrDefault(g, List.of());
      sum(sums, counts, "g|" + g, subs.stream().map(s -> "g|" + s).toList());
      for (String dir : List.of("gout", "gin")) {
        sum(sums, counts, "g|" + g, regions.stream().map(r -> dir + "|" + r + "|" + g).toList());
        for (String s : subs) {
          sum(sums, counts, "g|" + s, regions.stream().map(r -> dir + "|" + r + "|" + s).toList());
        }
      }
    }
    for (String r : regions) {
      sum(sums, counts, "out|" + r, regions.stream().map(d -> "flow|" + r + "|" + d).toList());
      sum(sums, counts, "in|" + r, regions.stream().map(o -> "flow|" + o + "|" + r).toList());
      sum(sums, counts, "out|" + r, majors.stream().map(g -> "gout|" + r + "|" + g).toList());
      sum(sums, counts, "in|" + r, majors.stream().map(g -> "gin|" + r + "|" + g).toList());
      for (String g : majors) {
        List<String> subs = subsOf.getOrDefault(g, List.of());
        sum(
            sums,
            counts,
            "gout|" + r + "|" + g,
            subs.stream().map(s -> "gout|" + r + "|" + s).toList());
        sum(
            sums,
            counts,
            "gin|" + r + "|" + g,
            subs.stream().map(s -> "gin|" + r + "|" + s).toList());
        sum(
            sums,
            counts,
            "gout|" + r + "|" + g,
            regions.stream().map(d -> "flow|" + r + "|" + d + "|" + g).toList());
        sum(
            sums,
            counts,
            "gin|" + r + "|" + g,
            regions.stream().map(o -> "flow|" + o + "|" + r + "|" + g).toList());
      }
      for (String d : regions) {
        sum(
            sums,
            counts,
            "flow|" + r + "|" + d,
            majors.stream().map(g -> "flow|" + r + "|" + d + "|" + g).toList());
      }
    }
    partsOf.forEach(
        (r, parts) -> {
          sum(sums, counts, "out|" + r, parts.stream().map(s -> "sout|" + s).toList());
          sum(sums, counts, "in|" + r, parts.stream().map(s -> "sin|" + s).toList());
          for (String g : majors) {
            sum(
                sums,
                counts,
                "gout|" + r + "|" + g,
                parts.stream().map(s -> "sgout|" + s + "|" + g).toList());
            sum(
                sums,
                counts,
                "gin|" + r + "|" + g,
                parts.stream().map(s -> "sgin|" + s + "|" + g).toList());
          }
          for (String s : parts) {
            sum(
                sums,
                counts,
                "sout|" + s,
                majors.stream().map(g -> "sgout|" + s + "|" + g).toList());
            sum(sums, counts, "sin|" + s, majors.stream().map(g -> "sgin|" + s + "|" + g).toList());
            sum(
                sums,
                counts,
                "sout|" + s,
                regions.stream().map(q -> "sflow|" + s + "|" + q).toList());
            sum(
                sums,
                counts,
                "sin|" + s,
                regions.stream().map(o -> "sflowin|" + o + "|" + s).toList());
          }
          for (String q : regions) {
            sum(
                sums,
                counts,
                "flow|" + r + "|" + q,
                parts.stream().map(s -> "sflow|" + s + "|" + q).toList());
            sum(
                sums,
                counts,
                "flow|" + q + "|" + r,
                parts.stream().map(s -> "sflowin|" + q + "|" + s).toList());
          }
        });
    return sums;
  }

  /** A sum over the parts that are not zero; none where the total itself is zero. */
  private static void sum(
      List<String[]> sums, Map<String, Long> counts, String total, List<String> parts) {
    if (!counts.containsKey(total)) {
      return;
    }
    List<String> present = parts.stream().filter(counts::containsKey).toList();
    String[] relation = new String[present.size() + 1];
    relation[0] = total;
    for (int i = 0; i < present.size(); i++) {
      relation[i + 1] = present.get(i);
    }
    sums.add(relation);
  }

  /**
   * The published figures of {@code moves}, none below {@code minimum} nor computable, without
   * sub-region figures: a region's own system of moves between its sub-regions.
   */
  public static Published publish(List<Move> moves, int minimum) {
    return publish(moves, minimum, false);
  }

  /**
   * The published figures of {@code moves}, none below {@code minimum} nor computable; with {@code
   * subRegions}, also each sub-region's arrivals from and departures to other regions (in all and
   * from or to each other region), decided in the same suppression as the region figures they
   * split.
   */
  public static Published publish(List<Move> moves, int minimum, boolean subRegions) {
    Map<String, Long> counts = counts(moves, subRegions);
    Map<String, TreeSet<String>> partsOf = new TreeMap<>();
    if (subRegions) {
      for (Move m : moves) {
        partsOf.computeIfAbsent(m.from(), r -> new TreeSet<>()).add(m.fromPart());
        partsOf.computeIfAbsent(m.to(), r -> new TreeSet<>()).add(m.toPart());
      }
    }
    List<String> keys = new ArrayList<>(counts.keySet());
    Map<String, Integer> index = new HashMap<>();
    long[] values = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
      values[i] = counts.getOrDefault(keys.get(i), 0L);
    }
    List<Suppression.Relation> relations = new ArrayList<>();
    for (String[] s : sums(counts, partsOf)) {
      int[] parts = new int[s.length - 1];
      for (int i = 1; i < s.length; i++) {
        parts[i - 1] = index.getOrDefault(s[i], -1);
      }
      relations.add(new Suppression.Relation(index.getOrDefault(s[0], -1), parts));
    }
    boolean[] hide = Suppression.suppress(values, relations, minimum);
    Map<String, Long> shown = new LinkedHashMap<>();
    java.util.Set<String> hidden = new TreeSet<>();
    for (int i = 0; i < keys.size(); i++) {
      if (hide[i]) {
        hidden.add(keys.get(i));
      } else {
        shown.put(keys.get(i), values[i]);
      }
    }
    return new Published(shown, hidden);
  }
}
