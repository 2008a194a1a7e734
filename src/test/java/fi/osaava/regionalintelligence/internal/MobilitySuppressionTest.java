package fi.osaava.regionalintelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import fi.osaava.regionalintelligence.internal.MobilityFlows.Move;
import fi.osaava.regionalintelligence.internal.MobilityFlows.Published;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The k-anonymity rule of the published moves between regions, as a property over random sets of
 * moves: no published figure below 5, every published figure the true count, and no hidden figure
 * computable from the published ones through the sums the tables show. The sums are written here
 * again from what the page shows (a region's arrivals and departures, the flows, the groups),
 * independently of {@link MobilityFlows}, and decided by {@link ResultsSuppressionTest}'s rank
 * oracle over a prime field.
 */
class MobilitySuppressionTest {

  static final List<String> REGIONS = List.of("01", "02", "06", "11");
  static final List<String> SUB_MAJORS = List.of("21", "25", "31", "33", "XX");

  static Gen<List<Move>> moveSets() {
    return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE)
        .zip(Generate.range(0, 70), MobilitySuppressionTest::moves);
  }

  static List<Move> moves(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int from = skewed(random, REGIONS.size());
      int to = skewed(random, REGIONS.size() - 1);
      if (to >= from) {
        to++; // a move between two different regions
      }
      moves.add(
          new Move(
              REGIONS.get(from),
              REGIONS.get(to),
              SUB_MAJORS.get(skewed(random, SUB_MAJORS.size()))));
    }
    return moves;
  }

  /** Mostly the first values, sometimes the rest: small cells are common. */
  static int skewed(SplittableRandom random, int bound) {
    return random.nextInt(3) == 0 ? random.nextInt(bound) : random.nextInt(Math.min(2, bound));
  }

  @Test
  void noPublishedFigureIsBelowTheMinimumOrDerivableFromOthers() {
    qt().withFixedSeed(20261210L)
        .withExamples(120)
        .forAll(moveSets())
        .checkAssert(
            moves -> {
              Published published = MobilityFlows.publish(moves, 5);
              assertThat(oracle(moves, published).problems()).isEmpty();
              // Nothing is published that stands for nobody.
              for (String key : published.shown().keySet()) {
                assertThat(published.shown().get(key)).as(key).isPositive();
              }
            });
  }

  @Test
  void aSmallFlowBesideItsRegionTotalIsHiddenWithAnother() {
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      moves.add(new Move("01", "06", "25"));
    }
    for (int i = 0; i < 10; i++) {
      moves.add(new Move("01", "02", "25"));
    }
    Published p = MobilityFlows.publish(moves, 5);
    assertThat(p.get("flow|01|06")).isNull();
    // 13 left 01: were 01→02 published, 01→06 would be 13 − 10.
    assertThat(p.get("out|01") == null || p.get("flow|01|02") == null).isTrue();
    assertThat(oracle(moves, p).problems()).isEmpty();
  }

  @Test
  void aSmallFlowIsHiddenWithFiguresOfItsOwnSumsNotWithEverything() {
    // 20 moved 01→02, 20 moved 01→06 and 2 moved 02→06. The 2 must go, and with it figures that
    // would give it away (01→06 beside the arrivals in 06, the departures from 01 and 02), but
    // the total, the arrivals and the flow 01→02 reveal nothing: the earlier rule hid them all.
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      moves.add(new Move("01", "02", "25"));
      moves.add(new Move("01", "06", "25"));
    }
    moves.add(new Move("02", "06", "25"));
    moves.add(new Move("02", "06", "25"));
    Published p = MobilityFlows.publish(moves, 5);
    assertThat(p.get("flow|02|06")).isNull();
    assertThat(p.get("all")).isEqualTo(42L);
    assertThat(p.get("in|02")).isEqualTo(20L);
    assertThat(p.get("in|06")).isEqualTo(22L);
    assertThat(p.get("flow|01|02")).isEqualTo(20L);
    assertThat(oracle(moves, p).problems()).isEmpty();
  }

  @Test
  void aFigurePinnedThroughAChainOfHiddenSumsIsFreedNearbyNotByHidingEverything() {
    // Nineteen regions of skewed sizes with sub-regions: here some figure ends up pinned through
    // sums whose own members are all hidden. The rule then hid the whole national system (3 of 6
    // such sets of 861 moves published nothing); it now hides the nearest published figure.
    String[] regions = {
      "01", "02", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
      "17", "18", "19", "21"
    };
    int[] weight = {17, 5, 2, 2, 5, 2, 2, 2, 1, 3, 2, 3, 2, 2, 1, 4, 1, 2, 1};
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < regions.length; i++) {
      for (int k = 0; k < weight[i]; k++) {
        pool.add(regions[i]);
      }
    }
    for (long seed = 1; seed <= 3; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Move> moves = new ArrayList<>();
      while (moves.size() < 861) {
        String from = pool.get(random.nextInt(pool.size()));
        String to = pool.get(random.nextInt(pool.size()));
        if (!from.equals(to)) {
          moves.add(
              new Move(
                  from,
                  to,
                  SUB_MAJORS.get(skewed(random, SUB_MAJORS.size())),
                  from + (char) ('a' + skewed(random, 4)),
                  to + (char) ('a' + skewed(random, 4))));
        }
      }
      Published p = MobilityFlows.publish(moves, 5, true);
      assertThat(p.get("all")).as("seed " + seed).isEqualTo(861L);
      assertThat(p.shown().size()).as("seed " + seed).isGreaterThan(50);
      for (var e : p.shown().entrySet()) {
        assertThat(e.getValue()).as(e.getKey()).isGreaterThanOrEqualTo(5L);
      }
    }
  }

  @Test
  void fewerThanFivePeoplePublishNothing() {
    Published p = MobilityFlows.publish(moves(3, 4), 5);
    assertThat(p.shown()).isEmpty();
    assertThat(MobilityFlows.publish(moves(3, 0), 5).isEmpty()).isTrue();
  }

  /**
   * The sub-regions of the test's regions with sub-region figures; some of 11's municipalities have
   * none (a move's null sub-region), as a municipality outside the classification's sub-regions.
   */
  static final Map<String, List<String>> SUB_REGIONS_OF =
      Map.of(
          "01", List.of("011", "014"),
          "02", List.of("021"),
          "06", List.of("064", "069"),
          "11", List.of("111"));

  static List<Move> movesWithSubRegions(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Move> moves = new ArrayList<>();
    for (Move m : moves(random.nextLong(), size)) {
      moves.add(
          new Move(
              m.from(),
              m.to(),
              m.subMajor(),
              subRegion(random, m.from()),
              subRegion(random, m.to())));
    }
    return moves;
  }

  /** One of the region's sub-regions (mostly the first), or, in 11, sometimes none. */
  private static String subRegion(SplittableRandom random, String region) {
    List<String> subRegions = SUB_REGIONS_OF.get(region);
    if (region.equals("11") && random.nextInt(3) == 0) {
      return null;
    }
    return subRegions.get(skewed(random, subRegions.size()));
  }

  @Test
  void subRegionFiguresInTheNationalSystemRevealNothing() {
    qt().withFixedSeed(20261219L)
        .withExamples(40)
        .forAll(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE), Generate.range(0, 70))
        .checkAssert(
            (seed, size) -> {
              List<Move> moves = movesWithSubRegions(seed, size);
              Published published = MobilityFlows.publish(moves, 5, true);
              ResultsSuppressionTest.Published o = new ResultsSuppressionTest.Published();
              Map<String, Integer> vars = addSystem(o, "", REGIONS, moves, published);
              addSubRegions(o, SUB_REGIONS_OF, moves, published, vars);
              assertThat(o.problems()).isEmpty();
              // Nothing is published that the oracle does not know of.
              assertThat(vars.keySet()).containsAll(published.shown().keySet());
              assertThat(vars.keySet()).containsAll(published.hidden());
              for (String key : published.shown().keySet()) {
                assertThat(published.shown().get(key)).as(key).isPositive();
              }
            });
  }

  @Test
  void aSmallSubRegionBesideItsRegionTotalIsHiddenWithAnother() {
    // 8 left Tampere (064) and 3 left Etelä-Pirkanmaa (069) for Uusimaa: the 3 is hidden, and 11
    // left Pirkanmaa in all, so the 8 (or the 11) must go with it.
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      moves.add(new Move("06", "01", "25", "064", "011"));
    }
    for (int i = 0; i < 3; i++) {
      moves.add(new Move("06", "01", "25", "069", "011"));
    }
    Published p = MobilityFlows.publish(moves, 5, true);
    assertThat(p.get("sout|069")).as("3 people").isNull();
    assertThat(p.get("sout|064") == null || p.get("out|06") == null).isTrue();
    assertThat(p.get("sin|011")).isEqualTo(11L);
    ResultsSuppressionTest.Published o = new ResultsSuppressionTest.Published();
    addSubRegions(
        o,
        Map.of("06", List.of("064", "069"), "01", List.of("011")),
        moves,
        p,
        addSystem(o, "", REGIONS, moves, p));
    assertThat(o.problems()).isEmpty();
    // Without sub-region figures (a region's own system) there are none.
    assertThat(MobilityFlows.publish(moves, 5).shown().keySet()).noneMatch(k -> k.startsWith("s"));
  }

  @Test
  void movesFromMunicipalitiesWithoutASubRegionAreAPartOfTheirOwn() {
    List<Move> moves = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      moves.add(new Move("11", "01", "21", null, "011"));
      moves.add(new Move("11", "01", "21", "111", "011"));
    }
    Published p = MobilityFlows.publish(moves, 5, true);
    assertThat(p.get("out|11")).isEqualTo(12L);
    assertThat(p.get("sout|111")).isEqualTo(6L);
    // The sum stays exact: 12 = 6 + 6, the second 6 being the region's part in no sub-region.
    assertThat(p.get("sout|" + MobilityFlows.noSubRegion("11"))).isEqualTo(6L);
    assertThat(p.get("sgout|111|2")).isEqualTo(6L);
  }

  /** The figures the page can show, as the test's own system of sums. */
  static ResultsSuppressionTest.Published oracle(List<Move> moves, Published published) {
    ResultsSuppressionTest.Published o = new ResultsSuppressionTest.Published();
    addSystem(o, "", REGIONS, moves, published);
    return o;
  }

  /**
   * Adds one system's figures and sums to {@code o}, its names prefixed with {@code prefix}, over
   * the areas {@code areas} (regions, or the sub-regions of one region): several systems in one
   * oracle are decided together.
   */
  static Map<String, Integer> addSystem(
      ResultsSuppressionTest.Published o,
      String prefix,
      List<String> areas,
      List<Move> moves,
      Published published) {
    Map<String, Integer> vars = new LinkedHashMap<>();
    List<String> majors = new ArrayList<>();
    for (String s : SUB_MAJORS) {
      if (!majors.contains(s.substring(0, 1))) {
        majors.add(s.substring(0, 1));
      }
    }
    // A figure with no one in it is a known zero, not an unknown: only the others are variables.
    java.util.function.BiConsumer<String, Predicate<Move>> figure =
        (key, test) -> {
          long truth = moves.stream().filter(test).count();
          if (truth > 0) {
            vars.put(key, o.add(prefix + key, published.get(key), truth));
          } else {
            assertThat(published.shown()).as(key + " is nobody").doesNotContainKey(key);
          }
        };
    figure.accept("all", m -> true);
    for (String r : areas) {
      figure.accept("out|" + r, m -> m.from().equals(r));
      figure.accept("in|" + r, m -> m.to().equals(r));
      for (String d : areas) {
        figure.accept("flow|" + r + "|" + d, m -> m.from().equals(r) && m.to().equals(d));
        for (String g : majors) {
          figure.accept(
              "flow|" + r + "|" + d + "|" + g,
              m -> m.from().equals(r) && m.to().equals(d) && m.subMajor().startsWith(g));
        }
      }
      for (String g : groups(majors)) {
        figure.accept("gout|" + r + "|" + g, m -> m.from().equals(r) && m.subMajor().startsWith(g));
        figure.accept("gin|" + r + "|" + g, m -> m.to().equals(r) && m.subMajor().startsWith(g));
      }
    }
    for (String g : groups(majors)) {
      figure.accept("g|" + g, m -> m.subMajor().startsWith(g));
    }
    java.util.function.BiConsumer<String, List<String>> sum =
        (total, parts) -> {
          if (vars.containsKey(total)) {
            o.sum(
                vars.get(total), parts.stream().filter(vars::containsKey).map(vars::get).toList());
          }
        };
    List<String> outs = areas.stream().map(r -> "out|" + r).toList();
    List<String> ins = areas.stream().map(r -> "in|" + r).toList();
    sum.accept("all", outs);
    sum.accept("all", ins);
    sum.accept("all", majors.stream().map(g -> "g|" + g).toList());
    for (String g : majors) {
      List<String> subs = SUB_MAJORS.stream().filter(s -> s.startsWith(g)).toList();
      sum.accept("g|" + g, subs.stream().map(s -> "g|" + s).toList());
    }
    for (String g : groups(majors)) {
      sum.accept("g|" + g, areas.stream().map(r -> "gout|" + r + "|" + g).toList());
      sum.accept("g|" + g, areas.stream().map(r -> "gin|" + r + "|" + g).toList());
    }
    for (String r : areas) {
      sum.accept("out|" + r, areas.stream().map(d -> "flow|" + r + "|" + d).toList());
      sum.accept("in|" + r, areas.stream().map(x -> "flow|" + x + "|" + r).toList());
      sum.accept("out|" + r, majors.stream().map(g -> "gout|" + r + "|" + g).toList());
      sum.accept("in|" + r, majors.stream().map(g -> "gin|" + r + "|" + g).toList());
      for (String g : majors) {
        List<String> subs = SUB_MAJORS.stream().filter(s -> s.startsWith(g)).toList();
        sum.accept("gout|" + r + "|" + g, subs.stream().map(s -> "gout|" + r + "|" + s).toList());
        sum.accept("gin|" + r + "|" + g, subs.stream().map(s -> "gin|" + r + "|" + s).toList());
        sum.accept(
            "gout|" + r + "|" + g,
            areas.stream().map(d -> "flow|" + r + "|" + d + "|" + g).toList());
        sum.accept(
            "gin|" + r + "|" + g,
            areas.stream().map(x -> "flow|" + x + "|" + r + "|" + g).toList());
      }
      for (String d : areas) {
        sum.accept(
            "flow|" + r + "|" + d,
            majors.stream().map(g -> "flow|" + r + "|" + d + "|" + g).toList());
      }
    }
    return vars;
  }

  /**
   * Adds the national system's sub-region figures to {@code o} beside the region figures {@code
   * vars} (what {@link #addSystem} returned for the same moves), with the sums the tables show: a
   * region's departures (arrivals, per major group too) are its sub-regions' plus those of its
   * municipalities without a sub-region, and a sub-region's departures (arrivals) are its major
   * groups' and its flows' to (from) each other region; a flow between two regions is the sum of
   * its flows from (into) the sub-regions of its region of departure (arrival). Written from the
   * moves' sub-regions, not from {@link MobilityFlows}'s keys.
   */
  static void addSubRegions(
      ResultsSuppressionTest.Published o,
      Map<String, List<String>> subRegionsOf,
      List<Move> moves,
      Published published,
      Map<String, Integer> vars) {
    List<String> majors = new ArrayList<>();
    for (String s : SUB_MAJORS) {
      if (!majors.contains(s.substring(0, 1))) {
        majors.add(s.substring(0, 1));
      }
    }
    java.util.function.BiConsumer<String, Predicate<Move>> figure =
        (key, test) -> {
          long truth = moves.stream().filter(test).count();
          if (truth > 0) {
            vars.put(key, o.add(key, published.get(key), truth));
          } else {
            assertThat(published.shown()).as(key + " is nobody").doesNotContainKey(key);
            assertThat(published.hidden()).as(key + " is nobody").doesNotContain(key);
          }
        };
    java.util.function.BiConsumer<String, List<String>> sum =
        (total, parts) -> {
          if (vars.containsKey(total)) {
            o.sum(
                vars.get(total), parts.stream().filter(vars::containsKey).map(vars::get).toList());
          }
        };
    subRegionsOf.forEach(
        (r, subRegions) -> {
          // The region's parts: its sub-regions, and (null) its municipalities without one.
          List<String> parts = new ArrayList<>(subRegions);
          parts.add(null);
          List<String> names = new ArrayList<>();
          for (String s : parts) {
            String name = s == null ? MobilityFlows.noSubRegion(r) : s;
            names.add(name);
            Predicate<Move> left =
                m -> m.from().equals(r) && java.util.Objects.equals(m.fromSubRegion(), s);
            Predicate<Move> arrived =
                m -> m.to().equals(r) && java.util.Objects.equals(m.toSubRegion(), s);
            figure.accept("sout|" + name, left);
            figure.accept("sin|" + name, arrived);
            for (String g : majors) {
              figure.accept("sgout|" + name + "|" + g, left.and(m -> m.subMajor().startsWith(g)));
              figure.accept("sgin|" + name + "|" + g, arrived.and(m -> m.subMajor().startsWith(g)));
            }
            sum.accept(
                "sout|" + name, majors.stream().map(g -> "sgout|" + name + "|" + g).toList());
            sum.accept("sin|" + name, majors.stream().map(g -> "sgin|" + name + "|" + g).toList());
            // From this part to each other region and into it from each other region, all groups.
            List<String> others =
                subRegionsOf.keySet().stream().filter(q -> !q.equals(r)).sorted().toList();
            for (String q : others) {
              figure.accept("sflow|" + name + "|" + q, left.and(m -> m.to().equals(q)));
              figure.accept("sflowin|" + q + "|" + name, arrived.and(m -> m.from().equals(q)));
            }
            sum.accept(
                "sout|" + name, others.stream().map(q -> "sflow|" + name + "|" + q).toList());
            sum.accept(
                "sin|" + name, others.stream().map(q -> "sflowin|" + q + "|" + name).toList());
          }
          for (String q : subRegionsOf.keySet()) {
            if (q.equals(r)) {
              continue;
            }
            sum.accept(
                "flow|" + r + "|" + q, names.stream().map(n -> "sflow|" + n + "|" + q).toList());
            sum.accept(
                "flow|" + q + "|" + r, names.stream().map(n -> "sflowin|" + q + "|" + n).toList());
          }
          sum.accept("out|" + r, names.stream().map(n -> "sout|" + n).toList());
          sum.accept("in|" + r, names.stream().map(n -> "sin|" + n).toList());
          for (String g : majors) {
            sum.accept(
                "gout|" + r + "|" + g, names.stream().map(n -> "sgout|" + n + "|" + g).toList());
            sum.accept(
                "gin|" + r + "|" + g, names.stream().map(n -> "sgin|" + n + "|" + g).toList());
          }
        });
  }

  /** The major groups and the sub-major groups (distinct when a major has one sub-major: X, XX). */
  static List<String> groups(List<String> majors) {
    List<String> all = new ArrayList<>(majors);
    all.addAll(SUB_MAJORS);
    return all;
  }
}
