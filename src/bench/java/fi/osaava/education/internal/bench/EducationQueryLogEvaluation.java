package fi.osaava.education.internal.bench;

import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code osaava evaluate education-queries FILE} (and {@code bench education-queries file=FILE}):
 * the zero-result rate of the education search on a log of queries, per language, with today's
 * analysis alone (the baseline) and with the query-time synonyms, in one run on the same index.
 * Counts real offerings only: synthetic records are left out, as in every quality figure.
 */
@Component
public class EducationQueryLogEvaluation implements Benchmark {

  /** The issue's target: fewer than this share of queries without a single hit. */
  static final double TARGET_RATE = 0.02;

  private final EducationSearchService search;

  EducationQueryLogEvaluation(EducationSearchService search) {
    this.search = search;
  }

  /** One query of the log, with its line number for messages. */
  public record LoggedQuery(int line, Language language, String text) {}

  /**
   * Per language (and {@code all}): queries, those without hits before and after the synonyms, and
   * those still without any answer after the skills fallback.
   */
  public record Rates(
      int queries, List<String> baselineZero, List<String> synonymsZero, List<String> noAnswer) {
    public double baselineRate() {
      return queries == 0 ? 0 : (double) baselineZero.size() / queries;
    }

    public double synonymsRate() {
      return queries == 0 ? 0 : (double) synonymsZero.size() / queries;
    }

    public double noAnswerRate() {
      return queries == 0 ? 0 : (double) noAnswer.size() / queries;
    }
  }

  /** A query whose words matched nothing, answered through what they are about. */
  public record RelatedAnswer(String query, List<String> via, List<String> firstTitles) {}

  @Override
  public String name() {
    return "education-queries";
  }

  @Override
  public String description() {
    return "Education search zero-result rate on a query log, without and with synonyms"
        + " (file=FILE, default docs/evaluation/education-queries.txt)";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    Path file = Path.of(options.getOrDefault("file", "docs/evaluation/education-queries.txt"));
    List<LoggedQuery> queries = read(file);
    progress.report("running " + queries.size() + " queries without and with synonyms");
    List<RelatedAnswer> answers = new ArrayList<>();
    Map<String, Rates> rates = evaluate(queries, answers);
    return report(file, rates, answers);
  }

  /**
   * Reads a query log: one query a line, a language tag ({@code fi}, {@code sv}, {@code en}), a tab
   * and the query; {@code #} comments and blank lines skipped.
   *
   * @throws InvalidInputException naming the file and line of a malformed line
   */
  public static List<LoggedQuery> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the query log " + file, e);
    }
    List<LoggedQuery> queries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String source = file.toString();
      if (tab < 0) {
        throw new InvalidInputException(
            source, i + 1, null, "expected a language tag, a tab and the query");
      }
      String tag = line.substring(0, tab).strip();
      String text = line.substring(tab + 1).strip();
      Language language = Language.fromCode(tag).orElse(null);
      if (language == null || language == Language.NO) {
        throw new InvalidInputException(
            source, i + 1, "language", "\"" + tag + "\" is not fi, sv or en");
      }
      if (text.isEmpty()) {
        throw new InvalidInputException(source, i + 1, "query", "empty");
      }
      queries.add(new LoggedQuery(i + 1, language, text));
    }
    if (queries.isEmpty()) {
      throw new InvalidInputException(file.toString(), 0, null, "no queries");
    }
    return queries;
  }

  /**
   * Runs each query without and with synonyms and, where the words find nothing, as the search page
   * does (the skills fallback); rates per language code and "all". The fallback's first titles go
   * into {@code answers}, so that a reader can judge them.
   */
  public Map<String, Rates> evaluate(List<LoggedQuery> queries, List<RelatedAnswer> answers) {
    Map<String, Rates> rates = new LinkedHashMap<>();
    for (String key : List.of("fi", "sv", "en", "all")) {
      rates.put(key, new Rates(0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }
    for (LoggedQuery query : queries) {
      boolean baselineZero = search.count(query.text(), query.language(), false) == 0;
      boolean synonymsZero = search.count(query.text(), query.language(), true) == 0;
      boolean noAnswer = false;
      if (synonymsZero) {
        EducationSearchResult page = search.firstPage(query.text(), query.language(), 10);
        List<String> titles =
            page.hits().stream()
                .filter(h -> !h.synthetic())
                .limit(3)
                .map(h -> title(h.titles(), query.language()))
                .toList();
        noAnswer = titles.isEmpty();
        if (!noAnswer) {
          answers.add(
              new RelatedAnswer(
                  query.language().code() + " " + query.text(),
                  page.relatedVia().stream().map(LocalizedText::text).toList(),
                  titles));
        }
      }
      for (String key : List.of(query.language().code(), "all")) {
        Rates r = rates.get(key);
        if (baselineZero) {
          r.baselineZero().add(query.text());
        }
        if (synonymsZero) {
          r.synonymsZero().add(query.text());
        }
        if (noAnswer) {
          r.noAnswer().add(query.text());
        }
        rates.put(
            key, new Rates(r.queries() + 1, r.baselineZero(), r.synonymsZero(), r.noAnswer()));
      }
    }
    rates.values().removeIf(r -> r.queries() == 0);
    return rates;
  }

  private static String title(Map<String, String> titles, Language language) {
    String own = titles.get(language.code());
    if (own != null) {
      return own;
    }
    return titles.values().stream().findFirst().orElse("?");
  }

  private static Report report(Path file, Map<String, Rates> rates, List<RelatedAnswer> answers) {
    StringBuilder md = new StringBuilder();
    md.append("Query log: `")
        .append(file)
        .append("` (written without looking at the catalogue; real offerings only).\n\n");
    md.append(
        "| language | queries | zero results, baseline (no synonyms) | zero results, with"
            + " synonyms | no answer after the skills fallback |\n");
    md.append("|---|---:|---:|---:|---:|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    rates.forEach(
        (language, r) -> {
          md.append(
              "| %s | %d | %d (%.1f %%) | %d (%.1f %%) | %d (%.1f %%) |\n"
                  .formatted(
                      language,
                      r.queries(),
                      r.baselineZero().size(),
                      100 * r.baselineRate(),
                      r.synonymsZero().size(),
                      100 * r.synonymsRate(),
                      r.noAnswer().size(),
                      100 * r.noAnswerRate()));
          metrics.put(language + "_queries", r.queries());
          metrics.put(language + "_baseline_zero_rate", round(r.baselineRate()));
          metrics.put(language + "_synonyms_zero_rate", round(r.synonymsRate()));
          metrics.put(language + "_no_answer_rate", round(r.noAnswerRate()));
        });
    Rates all = rates.get("all");
    md.append(
        "\nTarget: below %.0f %% with synonyms in every language: %s.\n"
            .formatted(
                100 * TARGET_RATE,
                rates.values().stream().allMatch(r -> r.synonymsRate() < TARGET_RATE)
                    ? "met"
                    : "missed"));
    if (all != null && !all.synonymsZero().isEmpty()) {
      md.append("\nStill without results: ")
          .append(String.join(", ", all.synonymsZero().stream().map(q -> "`" + q + "`").toList()))
          .append(".\n");
    }
    if (all != null && !all.noAnswer().isEmpty()) {
      md.append("\nNo answer even through skills: ")
          .append(String.join(", ", all.noAnswer().stream().map(q -> "`" + q + "`").toList()))
          .append(".\n");
    }
    if (!answers.isEmpty()) {
      md.append(
          "\nAnswered through skills (query; what it was understood as; first three"
              + " offerings):\n\n");
      for (RelatedAnswer answer : answers) {
        md.append("- `")
            .append(answer.query())
            .append("`; ")
            .append(String.join(", ", answer.via()))
            .append("; ")
            .append(String.join(" · ", answer.firstTitles()))
            .append('\n');
      }
    }
    return new Report(md.toString(), metrics);
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }
}
