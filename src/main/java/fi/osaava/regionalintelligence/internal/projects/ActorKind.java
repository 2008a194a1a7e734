package fi.osaava.regionalintelligence.internal.projects;

import java.util.Locale;
import java.util.Optional;

/** The kinds of regional actor that issue 18 names. */
public enum ActorKind {
  COMPANY,
  EDUCATION,
  PUBLIC_BODY,
  ASSOCIATION;

  /** The kind written in an import file or form: its name in any case, hyphens for underscores. */
  public static Optional<ActorKind> parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (ActorKind kind : values()) {
      if (kind.name().equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The class name of its nodes in the network drawing and its message key's suffix. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
