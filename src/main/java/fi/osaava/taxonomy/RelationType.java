package fi.osaava.taxonomy;

import java.util.Locale;
import java.util.Optional;

/** How strongly an occupation needs a skill, or how two skills relate, in ESCO. */
public enum RelationType {
  ESSENTIAL,
  OPTIONAL;

  public static Optional<RelationType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "essential" -> Optional.of(ESSENTIAL);
      case "optional" -> Optional.of(OPTIONAL);
      default -> Optional.empty();
    };
  }
}
