package fi.osaava.taxonomy;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identifier of an ESCO concept, such as {@code http://data.europa.eu/esco/skill/<uuid>}. It is
 * the same in every language, so it is what other modules store.
 */
public record ConceptUri(String value) implements Comparable<ConceptUri> {

  /** Where every ESCO URI starts. */
  public static final String ESCO = "http://data.europa.eu/esco/";

  /** Where ESCO's skill URIs start. */
  public static final String ESCO_SKILL = ESCO + "skill/";

  /** Where ESCO's occupation URIs start. */
  public static final String ESCO_OCCUPATION = ESCO + "occupation/";

  /**
   * Where ESCO's ISCO occupation group URIs start; the group's code follows, as in {@code C2512}.
   */
  public static final String ISCO_GROUP = ESCO + "isco/C";

  /** An ESCO skill URI in full: the prefix and a lower-case UUID. */
  public static final Pattern ESCO_SKILL_URI =
      Pattern.compile(Pattern.quote(ESCO_SKILL) + "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  public ConceptUri {
    Objects.requireNonNull(value, "value");
    if (!value.startsWith("http://") && !value.startsWith("https://")) {
      throw new IllegalArgumentException("Not a concept URI: '" + value + "'");
    }
    if (value.length() > 500 || value.chars().anyMatch(c -> c <= ' ')) {
      throw new IllegalArgumentException("Not a concept URI: '" + value + "'");
    }
  }

  public static ConceptUri of(String value) {
    return new ConceptUri(value.strip());
  }

  /** The ESCO occupation with this id. */
  public static ConceptUri escoOccupation(UUID id) {
    return new ConceptUri(ESCO_OCCUPATION + id);
  }

  /** The ISCO occupation group with this code, such as {@code 2512}. */
  public static ConceptUri iscoGroup(String code) {
    return new ConceptUri(ISCO_GROUP + code);
  }

  /** Whether {@code uri} is in ESCO's namespace (any kind of concept). */
  public static boolean isEsco(String uri) {
    return uri.startsWith(ESCO);
  }

  /** Whether {@code uri} starts as an ESCO skill's does. */
  public static boolean isEscoSkill(String uri) {
    return uri.startsWith(ESCO_SKILL);
  }

  /** Whether {@code uri} starts as an ESCO occupation's does. */
  public static boolean isEscoOccupation(String uri) {
    return uri.startsWith(ESCO_OCCUPATION);
  }

  @Override
  public int compareTo(ConceptUri other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
