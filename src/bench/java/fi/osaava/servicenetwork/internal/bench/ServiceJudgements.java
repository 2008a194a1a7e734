package fi.osaava.servicenetwork.internal.bench;

import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.LifeSituation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The judged set of situation → service pairs ({@code docs/evaluation/service-recommendations.tsv};
 * judging rules in docs/services.md, "Evaluation"): tab-separated {@code query, split, situation,
 * municipality, lang, goal, service, grade}, one row per judged pair, lines starting with {@code #}
 * and the header skipped. A query's own columns repeat on each of its rows and must agree.
 */
public record ServiceJudgements(List<JudgedQuery> queries) {

  static final Set<String> SPLITS = Set.of("dev", "test");

  private static final int COLUMNS = 8;

  /**
   * @param municipality a municipality code, or null
   * @param grades {@code source:source_id} → grade 0–3; anything else is 0
   */
  public record JudgedQuery(
      String id,
      String split,
      LifeSituation situation,
      @Nullable String municipality,
      Language language,
      String goal,
      Map<String, Integer> grades) {}

  public static ServiceJudgements load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the judged set " + file, e);
    }
    Map<String, JudgedQuery> queries = new LinkedHashMap<>();
    boolean header = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String where = file + ", line " + (i + 1) + ": ";
      String[] cells = line.split("\t", -1);
      if (cells.length != COLUMNS) {
        throw new IllegalArgumentException(
            where + "expected " + COLUMNS + " tab-separated columns, found " + cells.length);
      }
      JudgedQuery read = query(cells, where);
      JudgedQuery query = queries.computeIfAbsent(read.id(), id -> read);
      if (!sameQuery(query, read)) {
        throw new IllegalArgumentException(
            where + "query " + read.id() + " has other split, situation, place or goal above");
      }
      int grade = grade(cells[7], where);
      if (query.grades().put(cells[6], grade) != null) {
        throw new IllegalArgumentException(
            where + "service " + cells[6] + " is judged twice for " + read.id());
      }
    }
    if (queries.isEmpty()) {
      throw new IllegalArgumentException(file + ": no judged queries");
    }
    return new ServiceJudgements(new ArrayList<>(queries.values()));
  }

  private static JudgedQuery query(String[] cells, String where) {
    if (!SPLITS.contains(cells[1])) {
      throw new IllegalArgumentException(where + "split must be dev or test, was " + cells[1]);
    }
    LifeSituation situation =
        Arrays.stream(LifeSituation.values())
            .filter(s -> s.name().equals(cells[2]))
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException(where + "unknown life situation " + cells[2]));
    if (!cells[3].isEmpty() && !cells[3].matches("\\d{3}")) {
      throw new IllegalArgumentException(
          where + "municipality must be a three-digit code or empty, was " + cells[3]);
    }
    Language language;
    try {
      language = Language.require(cells[4]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "unknown language " + cells[4], e);
    }
    if (cells[5].isBlank()) {
      throw new IllegalArgumentException(where + "the goal is empty");
    }
    return new JudgedQuery(
        cells[0],
        cells[1],
        situation,
        cells[3].isEmpty() ? null : cells[3],
        language,
        cells[5],
        new LinkedHashMap<>());
  }

  private static boolean sameQuery(JudgedQuery a, JudgedQuery b) {
    return a.split().equals(b.split())
        && a.situation() == b.situation()
        && Objects.equals(a.municipality(), b.municipality())
        && a.language() == b.language()
        && a.goal().equals(b.goal());
  }

  private static int grade(String cell, String where) {
    if (!cell.matches("[0-3]")) {
      throw new IllegalArgumentException(where + "grade must be 0, 1, 2 or 3, was " + cell);
    }
    return Integer.parseInt(cell);
  }
}
