package fi.osaava.community.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The themes an article is tagged with: those of the two programmes Osaava serves (AI and
 * human-centred services; digital competence, data security and privacy) and workplace learning.
 * Stored and addressed by {@link #key()}; named on pages by {@code community.theme.<key>}.
 */
public enum Theme {
  AI,
  HUMAN_CENTRED_SERVICES,
  DIGITAL_COMPETENCE,
  DATA_SECURITY,
  PRIVACY,
  WORKPLACE_LEARNING;

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Theme> byKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
  }
}
