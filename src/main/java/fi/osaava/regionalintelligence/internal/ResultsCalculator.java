package fi.osaava.regionalintelligence.internal;

import fi.osaava.regionalintelligence.internal.Survey.Question;
import fi.osaava.regionalintelligence.internal.SurveyResults.Breakdown;
import fi.osaava.regionalintelligence.internal.SurveyResults.ConceptCount;
import fi.osaava.regionalintelligence.internal.SurveyResults.CrossTable;
import fi.osaava.regionalintelligence.internal.SurveyResults.Dimension;
import fi.osaava.regionalintelligence.internal.SurveyResults.GroupCount;
import fi.osaava.regionalintelligence.internal.SurveyResults.GroupRow;
import fi.osaava.regionalintelligence.internal.SurveyResults.QuestionResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Computes a survey's results and hides what must not be published ({@link Suppression}). The
 * figures are laid out as one system of counts tied by the sums the pages and the CSV show: the
 * respondents in all are the sum over the groups of every dimension; a region is the sum of its
 * sub-regions; for a single-choice or scale question (which everyone answers) a group's respondents
 * are the sum of its option counts; and per option, the whole is the sum over the groups.
 * Suppression runs over the whole system at once, so that no figure is revealed by combining
 * tables.
 */
final class ResultsCalculator {

  /** Where a respondent belongs in each dimension; any may be null (then in no group of it). */
  record Background(
      @Nullable String region,
      @Nullable String subRegion,
      @Nullable String section,
      @Nullable String size) {

    @Nullable String of(Dimension dimension) {
      return switch (dimension) {
        case REGION -> region;
        case SUB_REGION -> subRegion;
        case INDUSTRY -> section;
        case SIZE -> size;
      };
    }
  }

  private ResultsCalculator() {}

  static SurveyResults calculate(
      List<Question> questions,
      List<SurveyResponse> responses,
      Function<SurveyResponse, Background> backgroundOf,
      int minimum) {
    int total = responses.size();
    if (total < minimum) {
      return new SurveyResults(null, List.of(), List.of());
    }
    List<Background> backgrounds = responses.stream().map(backgroundOf).toList();
    Figures f = new Figures();
    int all = f.add(total);

    // Respondents per group of each dimension.
    Map<Dimension, Map<String, Integer>> groups = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      Map<String, Long> counts = new TreeMap<>();
      for (Background b : backgrounds) {
        String group = b.of(d);
        if (group != null) {
          counts.merge(group, 1L, Long::sum);
        }
      }
      Map<String, Integer> vars = new LinkedHashMap<>();
      counts.forEach((g, c) -> vars.put(g, f.add(c)));
      groups.put(d, vars);
      if (counts.values().stream().mapToLong(Long::longValue).sum() == total) {
        f.relate(all, vars.values());
      }
    }
    Map<String, Set<String>> subRegionsOf = new TreeMap<>();
    for (Background b : backgrounds) {
      String region = b.region();
      String subRegion = b.subRegion();
      if (region != null && subRegion != null) {
        subRegionsOf.computeIfAbsent(region, r -> new TreeSet<>()).add(subRegion);
      }
    }
    subRegionsOf.forEach(
        (region, subs) ->
            f.relate(
                present(present(groups, Dimension.REGION), region),
                subs.stream()
                    .map(s -> present(present(groups, Dimension.SUB_REGION), s))
                    .toList()));

    record Tabulated(Question question, int[] overall, Map<Dimension, Map<String, int[]>> cells) {}
    List<Tabulated> tabulated = new ArrayList<>();
    for (Question q : questions) {
      if (!q.kind().tabulated()) {
        continue;
      }
      int options = q.optionCount();
      List<Set<Integer>> chosen = responses.stream().map(r -> chosen(r, q, options)).toList();
      int[] overall = new int[options];
      for (int o = 0; o < options; o++) {
        int option = o;
        overall[o] = f.add(chosen.stream().filter(c -> c.contains(option)).count());
      }
      boolean everyoneOnce = chosen.stream().allMatch(c -> c.size() == 1);
      if (q.kind().exclusive() && everyoneOnce) {
        f.relate(all, ints(overall));
      }
      Map<Dimension, Map<String, int[]>> cells = new EnumMap<>(Dimension.class);
      for (Dimension d : Dimension.values()) {
        Map<String, int[]> rows = new LinkedHashMap<>();
        for (var group : present(groups, d).entrySet()) {
          int[] row = new int[options];
          for (int o = 0; o < options; o++) {
            long count = 0;
            for (int i = 0; i < responses.size(); i++) {
              if (group.getKey().equals(backgrounds.get(i).of(d)) && chosen.get(i).contains(o)) {
                count++;
              }
            }
            row[o] = f.add(count);
          }
          if (q.kind().exclusive() && everyoneOnce) {
            f.relate(group.getValue(), ints(row));
          }
          rows.put(group.getKey(), row);
        }
        cells.put(d, rows);
        if (f.value(present(groups, d).values()) == total) {
          for (int o = 0; o < options; o++) {
            int option = o;
            f.relate(overall[o], rows.values().stream().map(r -> r[option]).toList());
          }
        }
      }
      subRegionsOf.forEach(
          (region, subs) -> {
            for (int o = 0; o < options; o++) {
              int option = o;
              f.relate(
                  present(present(cells, Dimension.REGION), region)[o],
                  subs.stream()
                      .map(s -> present(present(cells, Dimension.SUB_REGION), s)[option])
                      .toList());
            }
          });
      tabulated.add(new Tabulated(q, overall, cells));
    }

    boolean[] hidden = Suppression.suppress(f.values(), f.relations, minimum);
    Function<Integer, @Nullable Long> shown = v -> hidden[v] ? null : f.values.get(v);

    List<Breakdown> background = new ArrayList<>();
    for (Dimension d : Dimension.values()) {
      background.add(
          new Breakdown(
              d,
              present(groups, d).entrySet().stream()
                  .map(e -> new GroupCount(e.getKey(), shown.apply(e.getValue())))
                  .toList()));
    }
    List<QuestionResult> results = new ArrayList<>();
    for (Question q : questions) {
      Tabulated t = tabulated.stream().filter(x -> x.question() == q).findFirst().orElse(null);
      if (t != null) {
        List<CrossTable> tables = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
          List<GroupRow> rows = new ArrayList<>();
          for (var row : present(t.cells(), d).entrySet()) {
            rows.add(
                new GroupRow(
                    row.getKey(),
                    shown.apply(present(present(groups, d), row.getKey())),
                    ints(row.getValue()).stream().map(shown).toList()));
          }
          tables.add(new CrossTable(d, rows));
        }
        results.add(
            new QuestionResult(
                q.id(),
                q.kind(),
                ints(t.overall()).stream().map(shown).toList(),
                tables,
                List.of(),
                null));
      } else if (q.kind().concepts()) {
        results.add(
            new QuestionResult(
                q.id(), q.kind(), List.of(), List.of(), concepts(q, responses, minimum), null));
      } else if (q.kind() == QuestionKind.NUMBER) {
        results.add(
            new QuestionResult(
                q.id(), q.kind(), List.of(), List.of(), List.of(), median(q, responses, minimum)));
      }
      // Free text is never published.
    }
    return new SurveyResults(shown.apply(all), background, results);
  }

  /** The options a respondent chose, as indexes (a scale's point 1 is index 0). */
  static Set<Integer> chosen(SurveyResponse response, Question question, int options) {
    Set<Integer> chosen = new HashSet<>();
    for (String answer : response.answer(question.id())) {
      try {
        int index = Integer.parseInt(answer) - (question.kind() == QuestionKind.SCALE ? 1 : 0);
        if (index >= 0 && index < options) {
          chosen.add(index);
        }
      } catch (NumberFormatException e) {
        // Answers are validated when saved; anything else is no choice.
      }
    }
    return chosen;
  }

  private static List<ConceptCount> concepts(
      Question q, List<SurveyResponse> responses, int minimum) {
    Map<String, Long> counts = new TreeMap<>();
    for (SurveyResponse r : responses) {
      new TreeSet<>(r.answer(q.id())).forEach(uri -> counts.merge(uri, 1L, Long::sum));
    }
    return counts.entrySet().stream()
        .filter(e -> e.getValue() >= minimum)
        .map(e -> new ConceptCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(ConceptCount::count).reversed())
        .toList();
  }

  private static @Nullable Double median(Question q, List<SurveyResponse> responses, int minimum) {
    List<BigDecimal> numbers = new ArrayList<>();
    for (SurveyResponse r : responses) {
      for (String answer : r.answer(q.id())) {
        try {
          numbers.add(new BigDecimal(answer));
        } catch (NumberFormatException e) {
          // Validated when saved.
        }
      }
    }
    if (numbers.size() < minimum) {
      return null;
    }
    numbers.sort(Comparator.naturalOrder());
    int mid = numbers.size() / 2;
    return numbers.size() % 2 == 1
        ? numbers.get(mid).doubleValue()
        : numbers.get(mid - 1).add(numbers.get(mid)).doubleValue() / 2;
  }

  /**
   * A value the maps above hold by construction: every dimension, every group a background names,
   * every sub-region's region.
   */
  private static <K, V> V present(Map<K, V> map, K key) {
    return Objects.requireNonNull(map.get(key), () -> "no figures for " + key);
  }

  private static List<Integer> ints(int[] array) {
    List<Integer> list = new ArrayList<>(array.length);
    for (int v : array) {
      list.add(v);
    }
    return list;
  }

  /** The figures of the system and the sums among them. */
  private static final class Figures {
    final List<Long> values = new ArrayList<>();
    final List<Suppression.Relation> relations = new ArrayList<>();

    int add(long value) {
      values.add(value);
      return values.size() - 1;
    }

    void relate(int total, java.util.Collection<Integer> parts) {
      relations.add(
          new Suppression.Relation(total, parts.stream().mapToInt(Integer::intValue).toArray()));
    }

    long value(java.util.Collection<Integer> vars) {
      return vars.stream().mapToLong(values::get).sum();
    }

    long[] values() {
      return values.stream().mapToLong(Long::longValue).toArray();
    }
  }
}
