package fi.osaava.regions;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options in each language's alphabetical order, sorted again when the classification does. */
class MunicipalityOptionsTest {

  /** A classification held in a field, replaced as an import replaces the service's snapshot. */
  private static final class Classification implements RegionsApi {
    List<Area> municipalities;

    Classification(Area... municipalities) {
      this.municipalities = List.of(municipalities);
    }

    @Override
    public List<Area> areas(AreaLevel level) {
      return level == AreaLevel.MUNICIPALITY ? municipalities : List.of();
    }

    @Override
    public Optional<Area> area(AreaLevel level, String code) {
      return municipalities.stream().filter(a -> a.code().equals(code)).findFirst();
    }

    @Override
    public Optional<Area> areaByName(AreaLevel level, String name) {
      return Optional.empty();
    }

    @Override
    public List<Area> municipalitiesIn(AreaLevel level, String code) {
      return List.of();
    }
  }

  private static Area municipality(String code, String finnish, String swedish) {
    return new Area(
        AreaLevel.MUNICIPALITY,
        code,
        Map.of(Language.FI, finnish, Language.SV, swedish),
        "01",
        "011");
  }

  private static List<String> names(List<MunicipalityOptions.Option> options) {
    return options.stream().map(MunicipalityOptions.Option::name).toList();
  }

  @Test
  void eachLanguageInItsOwnOrder() {
    MunicipalityOptions options =
        new MunicipalityOptions(
            new Classification(
                municipality("853", "Turku", "Åbo"),
                municipality("992", "Äänekoski", "Äänekoski"),
                municipality("060", "Ähtäri", "Etseri"),
                municipality("019", "Aura", "Aura"),
                municipality("091", "Helsinki", "Helsingfors")));

    // Å, Ä and Ö come after Z in Finnish and Swedish, in that order (by code point Ä comes first);
    // English sorts them with A and O.
    assertThat(names(options.inOrder(Language.FI)))
        .containsExactly("Aura", "Helsinki", "Turku", "Ähtäri", "Äänekoski");
    assertThat(names(options.inOrder(Language.SV)))
        .containsExactly("Aura", "Etseri", "Helsingfors", "Åbo", "Äänekoski");
    // English names fall back to the Finnish ones.
    assertThat(names(options.inOrder(Language.EN)))
        .containsExactly("Äänekoski", "Ähtäri", "Aura", "Helsinki", "Turku");
    assertThat(options.inOrder(Language.FI).getFirst())
        .isEqualTo(new MunicipalityOptions.Option("019", "Aura"));
  }

  @Test
  void aNewClassificationIsSortedAnew() {
    Classification regions =
        new Classification(
            municipality("091", "Helsinki", "Helsingfors"), municipality("049", "Espoo", "Esbo"));
    MunicipalityOptions options = new MunicipalityOptions(regions);
    List<MunicipalityOptions.Option> first = options.inOrder(Language.FI);
    assertThat(options.inOrder(Language.FI)).isSameAs(first);

    regions.municipalities =
        List.of(
            municipality("091", "Helsinki", "Helsingfors"),
            municipality("092", "Vantaa", "Vanda"),
            municipality("049", "Espoo", "Esbo"));

    assertThat(names(options.inOrder(Language.FI))).containsExactly("Espoo", "Helsinki", "Vantaa");
  }
}
