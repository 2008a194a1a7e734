package fi.osaava.regionalintelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import fi.osaava.platform.Language;
import fi.osaava.profile.WorkMove;
import fi.osaava.regionalintelligence.internal.MobilityFlows.Move;
import fi.osaava.regionalintelligence.internal.MobilityFlows.Published;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/**
 * The moves within a region between two of its sub-regions, published as a system of their own
 * beside the national one ({@link ExpertMobility.Split}). Random sets of people (each one move, as
 * the profile module gives them) are split, and an oracle written here from plain tables of
 * municipality → region and → sub-region decides which system each person belongs to: the split
 * must agree exactly, so nobody is in two systems, and the national (with its sub-regions' moves to
 * and from other regions) and every region's figures together, decided as one system by {@link
 * ResultsSuppressionTest}'s rank oracle, show no figure below 5, no false figure and no computable
 * hidden one.
 */
class SubRegionMobilityTest {

  /** The test's classification, written independently of the {@link Area}s built from it. */
  static final Map<String, String> REGION =
      Map.of(
          "091", "01", "049", "01", "106", "01", "638", "01", "837", "06", "604", "06", "790", "06",
          "853", "02");

  static final Map<String, String> SUB_REGION =
      Map.of(
          "091", "011", "049", "011", "106", "014", "638", "015", "837", "064", "604", "064", "790",
          "069", "853", "021");

  static final List<String> REGIONS = List.of("01", "02", "06");
  static final Map<String, List<String>> SUB_REGIONS_OF =
      Map.of("01", List.of("011", "014", "015"), "02", List.of("021"), "06", List.of("064", "069"));

  /** Municipality codes the moves use, one of them no longer in the classification. */
  static final List<String> PLACES =
      List.of("091", "049", "106", "638", "837", "604", "790", "853", "999");

  static Map<String, Area> municipalities() {
    Map<String, Area> areas = new HashMap<>();
    REGION.forEach(
        (m, r) ->
            areas.put(
                m,
                new Area(AreaLevel.MUNICIPALITY, m, Map.of(Language.FI, m), r, SUB_REGION.get(m))));
    return areas;
  }

  /** ESCO occupation URIs to ISCO codes: a few groups, and a URI with no code. */
  static final Map<String, String> ISCO =
      Map.of("urn:o:21", "2141", "urn:o:25", "2512", "urn:o:31", "3112", "urn:o:33", "3322");

  static final List<String> OCCUPATIONS =
      List.of("urn:o:21", "urn:o:25", "urn:o:31", "urn:o:33", "urn:o:none");

  /** {@code size} people, each with their latest move between two different municipalities. */
  static List<WorkMove> people(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    List<WorkMove> people = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      // Mostly within Uusimaa (01), where sub-regions differ: small cells are common.
      int from = MobilitySuppressionTest.skewed(random, PLACES.size());
      int to = random.nextInt(2) == 0 ? random.nextInt(4) : random.nextInt(PLACES.size() - 1);
      if (to == from) {
        to = (to + 1) % PLACES.size();
      }
      String occupation =
          random.nextInt(6) == 0 ? null : OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size()));
      people.add(
          new WorkMove(
              PLACES.get(from), PLACES.get(to), occupation, LocalDate.of(2024, 3, 1), false));
    }
    return people;
  }

  static String subMajor(WorkMove m) {
    String code = m.occupationUri() == null ? null : ISCO.get(m.occupationUri());
    return code == null ? "XX" : code.substring(0, 2);
  }

  @Test
  void everyPersonIsInOneSystemAtMostAndTogetherTheyRevealNothing() {
    qt().withFixedSeed(20261218L)
        .withExamples(40)
        .forAll(Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE), Generate.range(0, 120))
        .checkAssert(
            (seed, size) -> {
              List<WorkMove> people = people(seed, size);
              ExpertMobility.Split split = ExpertMobility.Split.of(people, municipalities(), ISCO);

              // The oracle's partition of the same people.
              List<Move> national = new ArrayList<>();
              Map<String, List<Move>> within = new TreeMap<>();
              int neither = 0;
              for (WorkMove m : people) {
                String a = REGION.get(m.fromMunicipality());
                String b = REGION.get(m.toMunicipality());
                if (a == null || b == null) {
                  neither++;
                } else if (!a.equals(b)) {
                  national.add(
                      new Move(
                          a,
                          b,
                          subMajor(m),
                          SUB_REGION.get(m.fromMunicipality()),
                          SUB_REGION.get(m.toMunicipality())));
                } else if (!SUB_REGION
                    .get(m.fromMunicipality())
                    .equals(SUB_REGION.get(m.toMunicipality()))) {
                  within
                      .computeIfAbsent(a, r -> new ArrayList<>())
                      .add(
                          new Move(
                              SUB_REGION.get(m.fromMunicipality()),
                              SUB_REGION.get(m.toMunicipality()),
                              subMajor(m)));
                } else {
                  neither++; // within one sub-region
                }
              }
              assertThat(split.between()).isEqualTo(national);
              assertThat(split.within()).isEqualTo(within);
              int counted =
                  split.between().size()
                      + split.within().values().stream().mapToInt(List::size).sum();
              assertThat(counted).as("nobody counted twice").isEqualTo(people.size() - neither);

              // Every system published, then decided together as one.
              ResultsSuppressionTest.Published oracle = new ResultsSuppressionTest.Published();
              Published nationalFigures =
                  MobilityFlows.publish(split.between(), ExpertMobility.MINIMUM, true);
              // The national system with its sub-regions' moves to and from other regions.
              MobilitySuppressionTest.addSubRegions(
                  oracle,
                  SUB_REGIONS_OF,
                  national,
                  nationalFigures,
                  MobilitySuppressionTest.addSystem(
                      oracle, "", REGIONS, national, nationalFigures));
              for (String r : REGIONS) {
                List<Move> mine = within.getOrDefault(r, List.of());
                Published p =
                    MobilityFlows.publish(
                        split.within().getOrDefault(r, List.of()), ExpertMobility.MINIMUM);
                MobilitySuppressionTest.addSystem(oracle, r + ":", SUB_REGIONS_OF.get(r), mine, p);
                // A region's system speaks of its own sub-regions only.
                for (String key : p.shown().keySet()) {
                  String[] parts = key.split("\\|");
                  for (int i = 1; i < parts.length; i++) {
                    if (parts[i].length() == 3) {
                      assertThat(SUB_REGIONS_OF.get(r)).as(key).contains(parts[i]);
                    }
                  }
                }
                Long all = p.get("all");
                if (all != null) {
                  assertThat(all).isEqualTo(mine.size());
                }
              }
              assertThat(oracle.problems()).isEmpty();
            });
  }

  @Test
  void aRegionsOwnFlowsArePublishedAndItsSmallOnesHidden() {
    List<WorkMove> people = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      people.add(new WorkMove("091", "638", "urn:o:25", LocalDate.of(2024, 3, 1), false));
    }
    for (int i = 0; i < 6; i++) {
      people.add(new WorkMove("638", "106", null, LocalDate.of(2024, 3, 1), true));
    }
    // Within one sub-region (Helsinki → Espoo), and between regions: in neither region system.
    people.add(new WorkMove("091", "049", null, LocalDate.of(2024, 3, 1), false));
    people.add(new WorkMove("091", "837", null, LocalDate.of(2024, 3, 1), false));
    ExpertMobility.Split split = ExpertMobility.Split.of(people, municipalities(), ISCO);
    assertThat(split.within().keySet()).containsExactly("01");
    assertThat(split.withinSynthetic()).containsExactly("01");
    assertThat(split.between()).containsExactly(new Move("01", "06", "XX", "011", "064"));
    Published p = MobilityFlows.publish(split.within().get("01"), ExpertMobility.MINIMUM);
    assertThat(p.get("all")).isEqualTo(13L);
    assertThat(p.get("flow|011|015")).isEqualTo(7L);
    assertThat(p.get("flow|015|014")).isEqualTo(6L);
    assertThat(p.get("in|015")).isEqualTo(7L);
    assertThat(p.get("out|015")).isEqualTo(6L);

    // Three more from Lohja to Helsinki: their flow is hidden, and so is what would reveal it.
    for (int i = 0; i < 3; i++) {
      people.add(new WorkMove("106", "091", null, LocalDate.of(2024, 3, 1), false));
    }
    List<Move> within = ExpertMobility.Split.of(people, municipalities(), ISCO).within().get("01");
    Published q = MobilityFlows.publish(within, ExpertMobility.MINIMUM);
    assertThat(q.get("flow|014|011")).as("3 people").isNull();
    assertThat(q.get("out|014")).isNull();
    ResultsSuppressionTest.Published oracle = new ResultsSuppressionTest.Published();
    MobilitySuppressionTest.addSystem(oracle, "", SUB_REGIONS_OF.get("01"), within, q);
    assertThat(oracle.problems()).isEmpty();
  }

  @Test
  void fewerThanFivePeopleWithinARegionPublishNothing() {
    List<WorkMove> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(new WorkMove("091", "638", null, LocalDate.of(2024, 3, 1), false));
    }
    Published p =
        MobilityFlows.publish(
            ExpertMobility.Split.of(people, municipalities(), ISCO).within().get("01"),
            ExpertMobility.MINIMUM);
    assertThat(p.shown()).isEmpty();
    assertThat(p.isEmpty()).isFalse();
  }
}
