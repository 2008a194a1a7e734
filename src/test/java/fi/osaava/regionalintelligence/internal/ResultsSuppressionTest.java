package fi.osaava.regionalintelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.ResultsCalculator.Background;
import fi.osaava.regionalintelligence.internal.Survey.Question;
import fi.osaava.regionalintelligence.internal.SurveyResults.CrossTable;
import fi.osaava.regionalintelligence.internal.SurveyResults.Dimension;
import fi.osaava.regionalintelligence.internal.SurveyResults.GroupCount;
import fi.osaava.regionalintelligence.internal.SurveyResults.GroupRow;
import fi.osaava.regionalintelligence.internal.SurveyResults.QuestionResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The k-anonymity rule of published survey results, as a property over random response sets: no
 * published count is below 5, every published count is the true count, and no hidden count can be
 * computed from the published ones through the sums the results show. The last check rebuilds the
 * sums from the published tables themselves and decides, by the rank of the system over a prime
 * field, whether each hidden count is fixed: independently of how {@link Suppression} did it.
 */
class ResultsSuppressionTest {

  static final int K = 5;

  /** Sub-regions by region, as the regions module has them (three-digit codes in two regions). */
  static final Map<String, String> REGION_OF =
      Map.of("011", "01", "012", "01", "013", "01", "021", "02", "022", "02");

  static final List<String> SUB_REGIONS = List.of("011", "012", "013", "021", "022");
  static final List<String> SECTIONS = List.of("C", "F", "G", "J");
  static final List<String> SIZES = List.of("MICRO", "SMALL", "MEDIUM", "LARGE");

  static final Question SINGLE = question(QuestionKind.SINGLE_CHOICE, 3);
  static final Question MULTIPLE = question(QuestionKind.MULTIPLE_CHOICE, 3);
  static final Question SCALE = question(QuestionKind.SCALE, 0);
  static final List<Question> QUESTIONS = List.of(SINGLE, MULTIPLE, SCALE);

  static Question question(QuestionKind kind, int options) {
    Map<Language, List<String>> texts = new HashMap<>();
    if (options > 0) {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < options; i++) {
        labels.add("o" + i);
      }
      texts.put(Language.FI, labels);
    }
    return new Question(UUID.randomUUID(), 0, kind, Map.of(Language.FI, kind.name()), texts);
  }

  /** A respondent: background and answers drawn from a seed. */
  record Respondent(SurveyResponse response, Background background) {}

  static Gen<List<Respondent>> responseSets() {
    // The seed and the size are drawn, the set is built from them: skewed groups give many small
    // cells, which is where suppression has work to do.
    return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE)
        .zip(Generate.range(0, 60), ResultsSuppressionTest::respondents);
  }

  static List<Respondent> respondents(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    int spread = 1 + random.nextInt(SUB_REGIONS.size());
    List<Respondent> list = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String sub = SUB_REGIONS.get(skewed(random, spread));
      Map<String, List<String>> answers = new HashMap<>();
      answers.put(SINGLE.id().toString(), List.of(String.valueOf(skewed(random, 3))));
      List<String> many = new ArrayList<>();
      for (int o = 0; o < 3; o++) {
        if (random.nextInt(3) == 0) {
          many.add(String.valueOf(o));
        }
      }
      answers.put(MULTIPLE.id().toString(), many);
      answers.put(SCALE.id().toString(), List.of(String.valueOf(1 + skewed(random, 5))));
      SurveyResponse response =
          new SurveyResponse(
              UUID.randomUUID(),
              UUID.randomUUID(),
              "t" + i,
              null,
              null,
              null,
              "fi",
              answers,
              java.time.Instant.EPOCH);
      list.add(
          new Respondent(
              response,
              new Background(
                  REGION_OF.get(sub),
                  sub,
                  SECTIONS.get(skewed(random, SECTIONS.size())),
                  SIZES.get(skewed(random, SIZES.size())))));
    }
    return list;
  }

  /** Mostly the first values, sometimes the rest: small groups are common. */
  static int skewed(SplittableRandom random, int bound) {
    return random.nextInt(3) == 0 ? random.nextInt(bound) : random.nextInt(Math.min(2, bound));
  }

  static SurveyResults results(List<Respondent> respondents) {
    Map<SurveyResponse, Background> backgrounds = new HashMap<>();
    respondents.forEach(r -> backgrounds.put(r.response(), r.background()));
    return ResultsCalculator.calculate(
        QUESTIONS, respondents.stream().map(Respondent::response).toList(), backgrounds::get, K);
  }

  @Test
  void noPublishedCellIsBelowTheMinimumOrDerivableFromOthers() {
    qt().withFixedSeed(20261206L)
        .withExamples(200)
        .forAll(responseSets())
        .checkAssert(
            respondents -> {
              SurveyResults results = results(respondents);
              Published published = Published.of(results, respondents);
              assertThat(published.problems()).isEmpty();
            });
  }

  @Test
  void aSmallGroupBesideTheTotalHidesTheOtherGroupToo() {
    // 3 in industry C and 10 in F: C is hidden, and F too, or C would be 13 - 10.
    List<Respondent> respondents = new ArrayList<>();
    for (Respondent r : respondents(7, 13)) {
      Background b = r.background();
      respondents.add(
          new Respondent(
              r.response(),
              new Background("01", "011", respondents.size() < 3 ? "C" : "F", "SMALL")));
    }
    SurveyResults results = results(respondents);
    List<GroupCount> industries =
        results.background().stream()
            .filter(b -> b.dimension() == Dimension.INDUSTRY)
            .findFirst()
            .orElseThrow()
            .groups();
    assertThat(results.respondents()).isEqualTo(13L);
    assertThat(industries)
        .extracting(GroupCount::group, GroupCount::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("C", null),
            org.assertj.core.groups.Tuple.tuple("F", null));
    assertThat(Published.of(results, respondents).problems()).isEmpty();
  }

  @Test
  void fewerThanFiveRespondentsPublishNothing() {
    SurveyResults results = results(respondents(3, 4));
    assertThat(results.empty()).isTrue();
    assertThat(results.questions()).isEmpty();
    assertThat(results(respondents(3, 5)).respondents()).isEqualTo(5L);
  }

  /**
   * The published figures as a system of unknowns (the hidden ones) and the sums the tables show,
   * rebuilt from the published results and the raw responses.
   */
  static final class Published {
    final List<Long> truth = new ArrayList<>();
    final List<Long> shown = new ArrayList<>();
    final List<String> names = new ArrayList<>();
    final List<int[]> sums = new ArrayList<>();

    int add(String name, Long published, long actual) {
      names.add(name);
      shown.add(published);
      truth.add(actual);
      return names.size() - 1;
    }

    /** {@code figure[total] = sum of figure[parts]}, as +1 and -1 coefficients. */
    void sum(int total, List<Integer> parts) {
      int[] relation = new int[parts.size() + 1];
      relation[0] = total;
      for (int i = 0; i < parts.size(); i++) {
        relation[i + 1] = parts.get(i);
      }
      sums.add(relation);
    }

    static Published of(SurveyResults results, List<Respondent> respondents) {
      Published p = new Published();
      if (results.respondents() == null) {
        return p;
      }
      int all = p.add("all", results.respondents(), respondents.size());
      Map<Dimension, Map<String, Integer>> groups = new HashMap<>();
      for (var breakdown : results.background()) {
        Map<String, Integer> vars = new HashMap<>();
        for (GroupCount g : breakdown.groups()) {
          long actual =
              respondents.stream()
                  .filter(r -> g.group().equals(value(r.background(), breakdown.dimension())))
                  .count();
          vars.put(g.group(), p.add(breakdown.dimension() + " " + g.group(), g.count(), actual));
        }
        groups.put(breakdown.dimension(), vars);
        p.sum(all, List.copyOf(vars.values()));
      }
      for (var region : groups.get(Dimension.REGION).entrySet()) {
        p.sum(
            region.getValue(),
            groups.get(Dimension.SUB_REGION).entrySet().stream()
                .filter(s -> REGION_OF.get(s.getKey()).equals(region.getKey()))
                .map(Map.Entry::getValue)
                .toList());
      }
      for (QuestionResult q : results.questions()) {
        Question question =
            QUESTIONS.stream().filter(x -> x.id().equals(q.question())).findFirst().orElseThrow();
        boolean exclusive = question.kind().exclusive();
        int options = question.optionCount();
        List<Integer> overall = new ArrayList<>();
        for (int o = 0; o < options; o++) {
          int option = o;
          long actual = respondents.stream().filter(r -> chose(r, question, option)).count();
          overall.add(p.add(q.kind() + " option " + o, q.overall().get(o), actual));
        }
        if (exclusive) {
          p.sum(all, overall);
        }
        Map<Dimension, Map<String, List<Integer>>> cells = new HashMap<>();
        for (CrossTable table : q.tables()) {
          List<List<Integer>> columns = new ArrayList<>();
          for (int o = 0; o < options; o++) {
            columns.add(new ArrayList<>());
          }
          Map<String, List<Integer>> rows = new HashMap<>();
          for (GroupRow row : table.rows()) {
            List<Integer> vars = new ArrayList<>();
            for (int o = 0; o < options; o++) {
              int option = o;
              long actual =
                  respondents.stream()
                      .filter(r -> row.group().equals(value(r.background(), table.dimension())))
                      .filter(r -> chose(r, question, option))
                      .count();
              int v =
                  p.add(
                      q.kind() + " " + table.dimension() + " " + row.group() + " option " + o,
                      row.cells().get(o),
                      actual);
              vars.add(v);
              columns.get(o).add(v);
            }
            rows.put(row.group(), vars);
            if (exclusive) {
              p.sum(groups.get(table.dimension()).get(row.group()), vars);
            }
          }
          cells.put(table.dimension(), rows);
          for (int o = 0; o < options; o++) {
            p.sum(overall.get(o), columns.get(o));
          }
        }
        for (var region : cells.get(Dimension.REGION).entrySet()) {
          for (int o = 0; o < options; o++) {
            int option = o;
            p.sum(
                region.getValue().get(o),
                cells.get(Dimension.SUB_REGION).entrySet().stream()
                    .filter(s -> REGION_OF.get(s.getKey()).equals(region.getKey()))
                    .map(s -> s.getValue().get(option))
                    .toList());
          }
        }
      }
      return p;
    }

    static boolean chose(Respondent r, Question q, int option) {
      return ResultsCalculator.chosen(r.response(), q, q.optionCount()).contains(option);
    }

    static String value(Background b, Dimension d) {
      return b.of(d);
    }

    /** Every broken promise: a small published count, a wrong one, a derivable hidden one. */
    List<String> problems() {
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (shown.get(i) != null && shown.get(i) < K) {
          problems.add(names.get(i) + " published as " + shown.get(i));
        }
        if (shown.get(i) != null && !shown.get(i).equals(truth.get(i))) {
          problems.add(names.get(i) + " published as " + shown.get(i) + ", is " + truth.get(i));
        }
      }
      // The sums hold for the true figures (else this test's system is wrong).
      for (int[] s : sums) {
        long rest = truth.get(s[0]);
        for (int k = 1; k < s.length; k++) {
          rest -= truth.get(s[k]);
        }
        if (rest != 0) {
          problems.add("the test's sum for " + names.get(s[0]) + " does not hold");
        }
      }
      List<Integer> hidden = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        if (shown.get(i) == null) {
          hidden.add(i);
        }
      }
      long[][] system = new long[sums.size()][hidden.size()];
      for (int r = 0; r < sums.size(); r++) {
        int[] s = sums.get(r);
        for (int k = 0; k < s.length; k++) {
          int column = hidden.indexOf(s[k]);
          if (column >= 0) {
            system[r][column] += k == 0 ? 1 : -1;
          }
        }
      }
      int rank = rank(system, hidden.size());
      for (int c = 0; c < hidden.size(); c++) {
        // A hidden figure is fixed exactly when its unit vector lies in the rows' span.
        long[][] extended = java.util.Arrays.copyOf(system, system.length + 1);
        extended[system.length] = new long[hidden.size()];
        extended[system.length][c] = 1;
        if (rank(extended, hidden.size()) == rank) {
          problems.add(names.get(hidden.get(c)) + " can be computed from the published figures");
        }
      }
      return problems;
    }

    static final long PRIME = 1_000_000_007L;

    /** The rank over the integers modulo a large prime (equal to the rational rank here). */
    static int rank(long[][] rows, int columns) {
      long[][] m = new long[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        m[i] = new long[columns];
        for (int j = 0; j < columns; j++) {
          m[i][j] = Math.floorMod(rows[i][j], PRIME);
        }
      }
      int rank = 0;
      for (int c = 0; c < columns && rank < m.length; c++) {
        int pivot = -1;
        for (int r = rank; r < m.length; r++) {
          if (m[r][c] != 0) {
            pivot = r;
            break;
          }
        }
        if (pivot < 0) {
          continue;
        }
        long[] swap = m[rank];
        m[rank] = m[pivot];
        m[pivot] = swap;
        long inverse =
            java.math.BigInteger.valueOf(m[rank][c])
                .modInverse(java.math.BigInteger.valueOf(PRIME))
                .longValue();
        for (int r = 0; r < m.length; r++) {
          if (r != rank && m[r][c] != 0) {
            long factor = m[r][c] * inverse % PRIME;
            for (int k = 0; k < columns; k++) {
              m[r][k] = Math.floorMod(m[r][k] - factor * m[rank][k] % PRIME, PRIME);
            }
          }
        }
        rank++;
      }
      return rank;
    }
  }
}
