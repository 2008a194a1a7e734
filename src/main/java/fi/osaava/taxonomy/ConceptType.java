package fi.osaava.taxonomy;

import java.util.Locale;
import java.util.Optional;

/** The kinds of ESCO concept that Osaava keeps. */
public enum ConceptType {
  SKILL("skill"),
  SKILL_GROUP("skill-group"),
  OCCUPATION("occupation"),
  ISCO_GROUP("isco-group");

  private final String slug;

  ConceptType(String slug) {
    this.slug = slug;
  }

  /** The form used in URLs and the API, such as {@code skill-group}. */
  public String slug() {
    return slug;
  }

  public static Optional<ConceptType> fromSlug(String slug) {
    if (slug == null) {
      return Optional.empty();
    }
    String wanted = slug.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (ConceptType type : values()) {
      if (type.slug.equals(wanted)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
