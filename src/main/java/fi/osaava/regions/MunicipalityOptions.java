package fi.osaava.regions;

import fi.osaava.platform.Language;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The municipalities as the editor forms offer them: a choice by code, named in the reader's
 * language, and turned back into the name that the push APIs' readers match.
 */
@Component
public class MunicipalityOptions {

  /** A municipality option of a form. */
  public record Option(String code, String name) {}

  private final RegionsApi regions;

  MunicipalityOptions(RegionsApi regions) {
    this.regions = regions;
  }

  /** Every municipality named in {@code language}, in the alphabetical order of {@code locale}. */
  public List<Option> inOrder(Language language, Locale locale) {
    Collator collator = Collator.getInstance(locale);
    return regions.areas(AreaLevel.MUNICIPALITY).stream()
        .map(a -> new Option(a.code(), a.name(language).text()))
        .sorted(Comparator.comparing(Option::name, collator))
        .toList();
  }

  /** Whether {@code code} is a municipality's code. */
  public boolean isKnown(String code) {
    return regions.area(AreaLevel.MUNICIPALITY, code).isPresent();
  }

  /**
   * The Finnish name of the municipality coded {@code code}, as a JSON-LD record names its place.
   * An unknown code is returned as it is, which the reader refuses as no municipality.
   */
  public String finnishName(String code) {
    return regions
        .area(AreaLevel.MUNICIPALITY, code)
        .map(a -> a.name(Language.FI).text())
        .orElse(code);
  }
}
