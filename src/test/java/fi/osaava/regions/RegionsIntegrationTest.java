package fi.osaava.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The real 2026 classification, imported by the shared test context. */
class RegionsIntegrationTest extends WebTestBase {

  @Autowired RegionsApi regions;
  @Autowired RegionsImportApi importer;

  @Test
  void theWholeClassificationIsThere() {
    assertThat(regions.areas(AreaLevel.MUNICIPALITY)).hasSize(308);
    assertThat(regions.areas(AreaLevel.REGION)).hasSize(19);
    assertThat(regions.areas(AreaLevel.SUB_REGION)).hasSizeBetween(60, 80);
    Area helsinki = regions.area(AreaLevel.MUNICIPALITY, "91").orElseThrow();
    assertThat(helsinki.name(Language.SV).text()).isEqualTo("Helsingfors");
    assertThat(regions.area(AreaLevel.REGION, helsinki.regionCode()).orElseThrow().names())
        .containsEntry(Language.FI, "Uusimaa");
    assertThat(regions.municipalitiesIn(AreaLevel.REGION, "01")).contains(helsinki);
    assertThat(regions.municipalitiesIn(AreaLevel.SUB_REGION, helsinki.subRegionCode()))
        .allMatch(m -> m.regionCode().equals("01"));
  }

  @Test
  void namesInAnyLanguageFindTheirCode() {
    assertThat(regions.areaByName(AreaLevel.REGION, "Birkaland").map(Area::code)).contains("06");
    assertThat(regions.areaByName(AreaLevel.REGION, "etela-pohjanmaa").map(Area::code))
        .contains("14");
    assertThat(regions.areaByName(AreaLevel.MUNICIPALITY, "TAMMERFORS").map(Area::code))
        .contains("837");
    assertThat(regions.areaByName(AreaLevel.MUNICIPALITY, "Atlantis")).isEmpty();
    assertThat(regions.area(AreaLevel.MUNICIPALITY, "9999")).isEmpty();
    assertThat(regions.area(AreaLevel.MUNICIPALITY, "x")).isEmpty();
  }

  @Test
  void theSameFileAgainChangesNothing() {
    assertThat(importer.importFile(ReferenceData.municipalities(), ImportProgress.silent()))
        .isEmpty();
    assertThat(regions.areas(AreaLevel.MUNICIPALITY)).hasSize(308);
  }

  @Test
  void theApiListsAreasAndRefusesUnknownLevels() throws Exception {
    mvc.perform(get("/api/v1/regions/region").param("lang", "sv"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(19))
        .andExpect(jsonPath("$[0].code").value("01"))
        .andExpect(jsonPath("$[0].name").value("Nyland"));
    mvc.perform(get("/api/v1/regions/region/06"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.municipalities[?(@.code == '837')]").exists());
    mvc.perform(get("/api/v1/regions/county")).andExpect(status().isBadRequest());
    mvc.perform(get("/api/v1/regions/municipality/999")).andExpect(status().isNotFound());
  }
}
