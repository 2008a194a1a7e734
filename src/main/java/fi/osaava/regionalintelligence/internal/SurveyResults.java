package fi.osaava.regionalintelligence.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A survey's results as they may be published: every count is of respondents (companies), and a
 * count that must stay hidden (fewer than 5, or one that the others would reveal) is null.
 * Free-text answers are never here; skills and occupations named by fewer than 5 are left out.
 *
 * @param respondents how many submitted a response
 * @param background respondents per group of each dimension
 */
public record SurveyResults(
    @Nullable Long respondents, List<Breakdown> background, List<QuestionResult> questions) {

  /** The dimensions the results are broken down by. */
  public enum Dimension {
    REGION,
    SUB_REGION,
    INDUSTRY,
    SIZE
  }

  /** Respondents per group of a dimension (a region's code, a TOL section, a size class). */
  public record Breakdown(Dimension dimension, List<GroupCount> groups) {}

  public record GroupCount(String group, @Nullable Long count) {}

  /**
   * One question's results.
   *
   * @param overall respondents per option (choice and scale questions)
   * @param tables the same per group of each dimension
   * @param concepts ESCO concepts named by at least 5, most named first
   * @param median the median of a number question, where at least 5 answered
   */
  public record QuestionResult(
      UUID question,
      QuestionKind kind,
      List<@Nullable Long> overall,
      List<CrossTable> tables,
      List<ConceptCount> concepts,
      @Nullable Double median) {}

  public record CrossTable(Dimension dimension, List<GroupRow> rows) {}

  /**
   * @param n respondents in the group
   * @param cells respondents per option
   */
  public record GroupRow(String group, @Nullable Long n, List<@Nullable Long> cells) {}

  public record ConceptCount(String uri, long count) {}

  /** The results of a survey nobody, or too few, answered: nothing to show. */
  public boolean empty() {
    return respondents == null;
  }

  /**
   * The concepts named in the questions of the given kinds, each with the most companies that named
   * it in one of those questions (a company may name a concept in two questions, so counts are not
   * added), most named first. Only what is published is here: concepts named by at least 5.
   */
  public Map<String, Long> named(Set<QuestionKind> kinds) {
    Map<String, Long> named = new HashMap<>();
    for (QuestionResult q : questions) {
      if (kinds.contains(q.kind())) {
        for (ConceptCount c : q.concepts()) {
          named.merge(c.uri(), c.count(), Math::max);
        }
      }
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    named.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  /** The results of a question, or null. */
  public @Nullable QuestionResult of(UUID question) {
    return questions.stream().filter(q -> q.question().equals(question)).findFirst().orElse(null);
  }
}
