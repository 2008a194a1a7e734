package fi.osaava.opportunities.internal.web;

import fi.osaava.education.EducationLevel;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.opportunities.internal.PersonInput;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.opportunities.internal.engine.PathConstraints;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.profile.ProfileApi;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptUri;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Turns request parameters (shared by the API and the pages' GET forms) into the engine's inputs,
 * failing with a 400 that names the parameter.
 */
@Component
class RequestInputs {

  private final ProfileApi profile;
  private final RegionsApi regions;

  RequestInputs(ProfileApi profile, RegionsApi regions) {
    this.profile = profile;
    this.regions = regions;
  }

  /** The person: chosen skills and interests, or the signed-in profile when none are given. */
  PersonInput person(
      @Nullable List<String> skills,
      @Nullable List<String> likedSkills,
      @Nullable List<String> likedOccupations,
      @Nullable String riasec,
      @Nullable Authentication authentication) {
    return person(skills, likedSkills, likedOccupations, riasec, null, authentication);
  }

  /**
   * @param experience occupations the person has worked in (URIs), ranked first
   */
  PersonInput person(
      @Nullable List<String> skills,
      @Nullable List<String> likedSkills,
      @Nullable List<String> likedOccupations,
      @Nullable String riasec,
      @Nullable List<String> experience,
      @Nullable Authentication authentication) {
    boolean anonymousInput =
        !blank(skills)
            || !blank(likedSkills)
            || !blank(likedOccupations)
            || !blankText(riasec)
            || !blank(experience);
    if (!anonymousInput && authentication != null && authentication.isAuthenticated()) {
      var person = profile.currentPerson(authentication);
      if (person.isPresent()) {
        return PersonInput.of(profile.competence(person.get()));
      }
    }
    return new PersonInput(
        uris("skill", skills),
        uris("likedSkill", likedSkills),
        uris("likedOccupation", likedOccupations),
        codes(riasec),
        uris("experience", experience));
  }

  static boolean blank(@Nullable List<String> values) {
    return values == null || values.stream().allMatch(v -> v == null || v.isBlank());
  }

  private static boolean blankText(@Nullable String value) {
    return value == null || value.isBlank();
  }

  static Set<ConceptUri> uris(String parameter, @Nullable List<String> values) {
    Set<ConceptUri> out = new LinkedHashSet<>();
    if (values == null) {
      return out;
    }
    for (String value : values) {
      for (String part : value.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          out.add(ConceptUri.of(part));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "request", 0, parameter, "not an ESCO concept URI: '" + part.strip() + "'");
        }
      }
    }
    if (out.size() > 2000) {
      throw new InvalidInputException("request", 0, parameter, "at most 2000 values");
    }
    return out;
  }

  /** RIASEC letters, first the strongest: "SAE" gives S 1, A 1/2, E 1/3. */
  static Map<Character, Double> codes(@Nullable String riasec) {
    Map<Character, Double> out = new HashMap<>();
    if (riasec == null) {
      return out;
    }
    String letters = riasec.strip().toUpperCase(Locale.ROOT);
    for (int i = 0; i < letters.length(); i++) {
      char c = letters.charAt(i);
      if ("RIASEC".indexOf(c) < 0) {
        throw new InvalidInputException(
            "request", 0, "riasec", "letters of R, I, A, S, E, C only, got '" + riasec + "'");
      }
      out.merge(c, 1.0 / (i + 1), Double::sum);
    }
    return out;
  }

  /** The municipality codes of a region (two-digit maakunta code), or null for anywhere. */
  @Nullable Set<String> municipalities(@Nullable String region) {
    if (region == null || region.isBlank()) {
      return null;
    }
    Area area =
        regions
            .area(AreaLevel.REGION, region.strip())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "request", 0, "region", "no region has the code '" + region + "'"));
    return regions.municipalitiesIn(AreaLevel.REGION, area.code()).stream()
        .map(Area::code)
        .collect(Collectors.toSet());
  }

  static double fraction(String parameter, @Nullable Double value, double fallback) {
    if (value == null) {
      return fallback;
    }
    if (value.isNaN() || value < 0 || value > 1) {
      throw new InvalidInputException("request", 0, parameter, "a number from 0 to 1");
    }
    return value;
  }

  static Set<OpportunityKind> kinds(@Nullable List<String> values) {
    Set<OpportunityKind> out = EnumSet.noneOf(OpportunityKind.class);
    if (values != null) {
      for (String value : values) {
        if (value == null || value.isBlank()) {
          continue;
        }
        try {
          out.add(OpportunityKind.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "request", 0, "kind", "one of OCCUPATION, JOB_AD, EDUCATION, got '" + value + "'");
        }
      }
    }
    return out;
  }

  static Set<EducationLevel> levels(@Nullable List<String> values) {
    Set<EducationLevel> out = EnumSet.noneOf(EducationLevel.class);
    if (values != null) {
      for (String value : values) {
        if (value == null || value.isBlank()) {
          continue;
        }
        try {
          out.add(EducationLevel.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "request",
              0,
              "level",
              "an education level such as SHORT_COURSE, got '" + value + "'");
        }
      }
    }
    return out;
  }

  static MatchQuery.Sort sort(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return MatchQuery.Sort.SCORE;
    }
    try {
      return MatchQuery.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "request", 0, "sort", "one of score, skills, interest, demand, got '" + value + "'");
    }
  }

  static @Nullable Language language(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Language.fromCode(value.strip())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "request", 0, parameter, "one of fi, sv, en, no, got '" + value + "'"));
  }

  static @Nullable LocalDate date(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "request", 0, parameter, "a date as YYYY-MM-DD, got '" + value + "'");
    }
  }

  static void page(@Nullable Integer page) {
    if (page != null && page < 0) {
      throw new InvalidInputException("request", 0, "page", "0 or more");
    }
  }

  static void nonNegative(String parameter, @Nullable Number value) {
    if (value != null && value.doubleValue() < 0) {
      throw new InvalidInputException("request", 0, parameter, "0 or more");
    }
  }

  PathConstraints constraints(PathLimits limits) {
    nonNegative("maxCredits", limits.maxCredits());
    nonNegative("maxMonths", limits.maxMonths());
    nonNegative("maxCost", limits.maxCost());
    LocalDate earliest = date("earliestStart", limits.earliestStart());
    LocalDate latest = date("latestStart", limits.latestStart());
    if (earliest != null && latest != null && latest.isBefore(earliest)) {
      throw new InvalidInputException("request", 0, "latestStart", "not before earliestStart");
    }
    return new PathConstraints(
        limits.maxCredits(),
        limits.maxMonths(),
        limits.maxCost(),
        municipalities(limits.region()),
        limits.online(),
        language("language", limits.language()),
        earliest,
        latest,
        limits.degrees());
  }
}
