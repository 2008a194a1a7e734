package fi.osaava.education.internal.search;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One search request: free text, facet filters, sort and page. The text is only ever split into
 * words and matched as words, never parsed as query syntax.
 *
 * @param text what the person typed; may be empty to browse
 * @param teaches skill text ("data analysis"): offerings must teach a skill matching it
 * @param filters facet name → selected values; values of one facet are alternatives (OR), facets
 *     combine with AND
 * @param openNow only offerings with an implementation whose application period is open now
 * @param skills ESCO skill URIs the offering must teach (any of them)
 */
public record EducationQuery(
    String text,
    String teaches,
    Map<Facet, Set<String>> filters,
    boolean openNow,
    Set<String> skills,
    SortOrder sort,
    int page,
    int size,
    Language language) {

  public static final int MAX_TEXT = 500;
  public static final int MAX_SIZE = 50;

  /** Deep pages cost the engine; nobody reads past a thousand results of a search. */
  public static final int MAX_RESULT_WINDOW = 1000;

  public EducationQuery {
    text = text == null ? "" : text.strip();
    teaches = teaches == null ? "" : teaches.strip();
    filters = Map.copyOf(filters);
    skills = Set.copyOf(skills);
    if (text.length() > MAX_TEXT) {
      throw invalid("q", "at most " + MAX_TEXT + " characters");
    }
    if (teaches.length() > MAX_TEXT) {
      throw invalid("teaches", "at most " + MAX_TEXT + " characters");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw invalid("size", "between 1 and " + MAX_SIZE);
    }
    if (page < 0 || (long) (page + 1) * size > MAX_RESULT_WINDOW) {
      throw invalid("page", "from 0 so that page × size stays within " + MAX_RESULT_WINDOW);
    }
    if (skills.size() > 20) {
      throw invalid("skill", "at most 20 skills");
    }
    for (Map.Entry<Facet, Set<String>> filter : filters.entrySet()) {
      if (filter.getValue().size() > 50) {
        throw invalid(filter.getKey().parameter(), "at most 50 values");
      }
      for (String value : filter.getValue()) {
        if (!filter.getKey().accepts(value)) {
          throw invalid(filter.getKey().parameter(), "unknown value '" + shorten(value) + "'");
        }
      }
    }
  }

  static InvalidInputException invalid(String parameter, String problem) {
    return new InvalidInputException("request", 0, parameter, problem);
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  /** Result orders. Ties are broken by the offering id, so paging is stable. */
  public enum SortOrder {
    RELEVANCE,
    START_DATE,
    APPLICATION_DEADLINE;

    public static SortOrder parse(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return RELEVANCE;
      }
      return switch (value.strip()) {
        case "relevance" -> RELEVANCE;
        case "start" -> START_DATE;
        case "deadline" -> APPLICATION_DEADLINE;
        default -> throw invalid("sort", "one of relevance, start, deadline");
      };
    }

    public String parameter() {
      return switch (this) {
        case RELEVANCE -> "relevance";
        case START_DATE -> "start";
        case APPLICATION_DEADLINE -> "deadline";
      };
    }
  }
}
