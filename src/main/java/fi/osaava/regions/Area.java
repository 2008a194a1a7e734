package fi.osaava.regions;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One region, sub-region or municipality of the current classification.
 *
 * @param code the official code, zero-padded (two digits for regions, three for the others)
 * @param names official names by language (fi, sv, en; en falls back to fi where the classification
 *     has none)
 * @param regionCode the region the area lies in (its own code for a region)
 * @param subRegionCode the sub-region the area lies in, or null for a region
 */
public record Area(
    AreaLevel level,
    String code,
    Map<Language, String> names,
    String regionCode,
    @Nullable String subRegionCode) {

  public Area {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(code, "code");
    names = Map.copyOf(names);
  }

  /** The name in {@code language}, else in Finnish, flagged as a fallback. */
  public LocalizedText name(Language language) {
    String wanted = names.get(language);
    if (wanted != null) {
      return new LocalizedText(wanted, language, false);
    }
    // Every area has a Finnish name (the file requires it, the column is not null).
    return new LocalizedText(
        Objects.requireNonNull(names.get(Language.FI), "Finnish name"), Language.FI, true);
  }
}
