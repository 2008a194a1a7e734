package fi.osaava.education.internal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judged query set ({@code relevance-judgements.tsv} beside this class's package in the
 * resources): per query, the graded offerings (0–3) by source and source id. How the grades were
 * set is in {@code docs/education-search.md}.
 */
record RelevanceJudgements(List<JudgedQuery> queries) {

  static final String RESOURCE = "/fi/osaava/education/relevance-judgements.tsv";

  /**
   * @param grades {@code source:source_id} → grade 1–3; anything else is 0
   */
  record JudgedQuery(String id, String language, String text, Map<String, Integer> grades) {}

  static RelevanceJudgements load() {
    Map<String, JudgedQuery> queries = new LinkedHashMap<>();
    try (InputStream in = RelevanceJudgements.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      long number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length < 6) {
          throw new IllegalStateException(RESOURCE + ":" + number + ": expected 7 columns");
        }
        JudgedQuery query =
            queries.computeIfAbsent(
                cells[0], id -> new JudgedQuery(id, cells[1], cells[2], new LinkedHashMap<>()));
        query.grades().put(cells[3] + ":" + cells[4], Integer.parseInt(cells[5]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new RelevanceJudgements(new ArrayList<>(queries.values()));
  }
}
