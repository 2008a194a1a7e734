package fi.osaava.regions;

import fi.osaava.platform.Language;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The municipalities as the editor forms offer them: a choice by code, named in the reader's
 * language, and turned back into the name that the push APIs' readers match.
 */
@Component
public class MunicipalityOptions {

  /** A municipality option of a form. */
  public record Option(String code, String name) {}

  /** The options in one language's order, and the areas they were made from. */
  private record Sorted(List<Area> from, List<Option> options) {}

  private final RegionsApi regions;

  /**
   * The options of each language, sorted once per classification: the profile page offers them on
   * every view (its entry form), and sorting some 300 names with a {@link Collator} took a tenth of
   * that page's time under load (docs/benchmarks.md, "profile").
   */
  private final Map<Language, Sorted> sorted = new ConcurrentHashMap<>();

  MunicipalityOptions(RegionsApi regions) {
    this.regions = regions;
  }

  /** Every municipality named in {@code language}, in that language's alphabetical order. */
  public List<Option> inOrder(Language language) {
    List<Area> areas = regions.areas(AreaLevel.MUNICIPALITY);
    Sorted cached = sorted.get(language);
    // The same list until the classification changes (RegionsApi#areas): a new one is sorted anew.
    if (cached == null || cached.from() != areas) {
      Collator collator = Collator.getInstance(language.locale());
      cached =
          new Sorted(
              areas,
              areas.stream()
                  .map(a -> new Option(a.code(), a.name(language).text()))
                  .sorted(Comparator.comparing(Option::name, collator))
                  .toList());
      sorted.put(language, cached);
    }
    return cached.options();
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
