package fi.osaava.education.internal.web;

import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationQuery.SortOrder;
import fi.osaava.education.internal.search.Facet;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Turns request parameters into an {@link EducationQuery}, the same for the API and the pages:
 * {@code q}, {@code teaches}, one parameter per facet (repeatable), {@code open}, {@code skill},
 * {@code sort}, {@code page}, {@code size}.
 */
final class QueryParameters {

  private QueryParameters() {}

  static EducationQuery parse(
      MultiValueMap<String, String> params, Language language, int defaultSize) {
    return parse(
        params,
        language,
        integer(params.getFirst("page"), "page", 0),
        integer(params.getFirst("size"), "size", defaultSize));
  }

  /** As above, with the page and size the API has bound and checked already. */
  static EducationQuery parse(
      MultiValueMap<String, String> params, Language language, int page, int size) {
    Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      List<String> values = params.get(facet.parameter());
      if (values != null) {
        Set<String> selected = new LinkedHashSet<>();
        values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .forEach(selected::add);
        if (!selected.isEmpty()) {
          filters.put(facet, selected);
        }
      }
    }
    Set<String> skills = new LinkedHashSet<>();
    List<String> skillValues = params.get("skill");
    if (skillValues != null) {
      for (String skill : skillValues) {
        if (skill != null && !skill.isBlank()) {
          if (!ConceptUri.isEscoSkill(skill.strip()) || skill.length() > 200) {
            throw new InvalidInputException("request", 0, "skill", "expected an ESCO skill URI");
          }
          skills.add(skill.strip());
        }
      }
    }
    return new EducationQuery(
        words(params, "q"),
        words(params, "teaches"),
        filters,
        flag(params.getFirst("open")),
        skills,
        SortOrder.parse(params.getFirst("sort")),
        page,
        size,
        language);
  }

  private static boolean flag(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.strip()) {
      case "true", "1", "on", "yes" -> true;
      case "false", "0", "off", "no" -> false;
      default -> throw new InvalidInputException("request", 0, "open", "expected true or false");
    };
  }

  private static int integer(@Nullable String value, String name, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("request", 0, name, "expected a whole number");
    }
  }

  /**
   * Search words are at most {@value #MAX_WORDS_LENGTH} characters: longer text is pasted, not
   * typed, and analysing it (Voikko, synonyms, a clause per word and field) would cost a request
   * seconds, which anyone could repeat.
   */
  static final int MAX_WORDS_LENGTH = 500;

  private static String words(MultiValueMap<String, String> params, String name) {
    String words = Objects.requireNonNullElse(params.getFirst(name), "");
    if (words.length() > MAX_WORDS_LENGTH) {
      throw new InvalidInputException(
          "request", 0, name, "at most " + MAX_WORDS_LENGTH + " characters");
    }
    return words;
  }
}
