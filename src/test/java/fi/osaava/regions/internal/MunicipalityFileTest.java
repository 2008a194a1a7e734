package fi.osaava.regions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MunicipalityFileTest {

  private static final String HEADER =
      "kunta,municipality_name_fi,municipality_name_sv,municipality_name_en,maakunta_code,"
          + "maakunta_name_fi,maakunta_name_sv,maakunta_name_en,seutukunta_code,"
          + "seutukunta_name_fi,seutukunta_name_sv,seutukunta_name_en,year\n";

  private static MunicipalityFile.Content read(String rows) {
    return MunicipalityFile.read(
        new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  @Test
  void derivesRegionsAndSubRegionsAndPadsCodes() {
    MunicipalityFile.Content content =
        read(
            "20,Akaa,Ackas,Akaa,6,Pirkanmaa,Birkaland,Pirkanmaa,63,Etelä-Pirkanmaa,"
                + "Södra Birkaland,Etelä-Pirkanmaa,2026\n"
                + "91,Helsinki,Helsingfors,Helsinki,1,Uusimaa,Nyland,Uusimaa,11,"
                + "Helsingin seutu,Helsingforsregionen,Helsinki region,2026\n"
                + "837,Tampere,Tammerfors,,6,Pirkanmaa,Birkaland,Pirkanmaa,64,Tampereen seutu,"
                + "Tammerforsregionen,Tampere region,2026\n");

    assertThat(content.municipalities()).isEqualTo(3);
    assertThat(content.year()).isEqualTo(2026);
    assertThat(content.areas())
        .filteredOn(a -> a.level() == AreaLevel.REGION)
        .extracting(Area::code)
        .containsExactly("06", "01");
    Area helsinki =
        content.areas().stream().filter(a -> a.code().equals("091")).findFirst().orElseThrow();
    assertThat(helsinki.level()).isEqualTo(AreaLevel.MUNICIPALITY);
    assertThat(helsinki.regionCode()).isEqualTo("01");
    assertThat(helsinki.subRegionCode()).isEqualTo("011");
    assertThat(helsinki.names()).containsEntry(Language.SV, "Helsingfors");
    Area tampere =
        content.areas().stream().filter(a -> a.code().equals("837")).findFirst().orElseThrow();
    assertThat(tampere.name(Language.EN).text()).isEqualTo("Tampere");
    assertThat(tampere.name(Language.EN).fallback()).isTrue();
  }

  @Test
  void aRegionCodeWithTwoNamesIsAnErrorOnTheSecondRow() {
    assertThatThrownBy(
            () ->
                read(
                    "20,Akaa,Ackas,Akaa,6,Pirkanmaa,Birkaland,Pirkanmaa,63,Etelä-Pirkanmaa,,,2026\n"
                        + "21,Kangasala,,,6,Satakunta,,,64,Tampereen seutu,,,2026\n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("test.csv");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("maakunta_name_fi");
            });
  }

  @Test
  void badCodesAndMissingNamesNameTheLineAndColumn() {
    assertThatThrownBy(() -> read("2O,Akaa,,,6,Pirkanmaa,,,63,Etelä-Pirkanmaa,,,2026\n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("kunta");
            });
    assertThatThrownBy(() -> read("20,,,,6,Pirkanmaa,,,63,Etelä-Pirkanmaa,,,2026\n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.field()).isEqualTo("municipality_name_fi"));
    assertThatThrownBy(
            () ->
                read(
                    "20,Akaa,,,6,Pirkanmaa,,,63,Etelä-Pirkanmaa,,,2026\n"
                        + "020,Akaa,,,6,Pirkanmaa,,,63,Etelä-Pirkanmaa,,,2026\n"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.problem()).contains("appears twice"));
  }

  @Test
  void aFileWithoutTheNeededColumnsOrRowsIsRefused() {
    assertThatThrownBy(
            () ->
                MunicipalityFile.read(
                    new ByteArrayInputStream(
                        "kunta,name\n20,Akaa\n".getBytes(StandardCharsets.UTF_8)),
                    "other.csv"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.line()).isEqualTo(1));
    assertThatThrownBy(() -> read(""))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.problem()).contains("no municipalities"));
  }

  @Test
  void namesMatchWhateverTheCaseAccentsAndDashes() {
    assertThat(RegionsService.normalise(" ETELÄ–POHJANMAA "))
        .isEqualTo(RegionsService.normalise("etela-pohjanmaa"))
        .isEqualTo("etela pohjanmaa");
    assertThat(RegionsService.normalise("Åland")).isEqualTo("aland");
  }
}
