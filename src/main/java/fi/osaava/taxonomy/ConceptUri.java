package fi.osaava.taxonomy;

import java.util.Objects;

/**
 * The identifier of an ESCO concept, such as {@code http://data.europa.eu/esco/skill/<uuid>}. It is
 * the same in every language, so it is what other modules store.
 */
public record ConceptUri(String value) implements Comparable<ConceptUri> {

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

  @Override
  public int compareTo(ConceptUri other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
