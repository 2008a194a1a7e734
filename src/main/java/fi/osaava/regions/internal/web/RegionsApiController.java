package fi.osaava.regions.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.web.LanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read-only access to the regional classification, for filters and maps in clients. */
@RestController
@RequestMapping(path = "/api/v1/regions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Regions", description = "Finland's regions, sub-regions and municipalities")
class RegionsApiController {

  private static final String LEVEL = "region, sub-region or municipality";

  private final RegionsApi regions;

  RegionsApiController(RegionsApi regions) {
    this.regions = regions;
  }

  @GetMapping("/{level}")
  @Operation(summary = "Every area of a level, ordered by code")
  List<AreaJson> areas(
      @Parameter(description = LEVEL, example = "municipality") @PathVariable String level,
      LanguageQuery lang,
      Locale locale) {
    Language language = lang.or(locale);
    return regions.areas(level(level)).stream().map(a -> AreaJson.of(a, language)).toList();
  }

  @GetMapping("/{level}/{code}")
  @Operation(summary = "One area, with the municipalities it contains")
  AreaWithMunicipalitiesJson area(
      @Parameter(description = LEVEL, example = "municipality") @PathVariable String level,
      @Parameter(
              description = "The official code, e.g. 06 (Pirkanmaa) or 091 (Helsinki)",
              example = "837")
          @PathVariable
          String code,
      LanguageQuery lang,
      Locale locale) {
    Language language = lang.or(locale);
    AreaLevel areaLevel = level(level);
    Area area =
        regions
            .area(areaLevel, code)
            .orElseThrow(() -> new NotFoundException("No " + level + " has code " + code));
    return new AreaWithMunicipalitiesJson(
        AreaJson.of(area, language),
        regions.municipalitiesIn(areaLevel, code).stream()
            .map(m -> AreaJson.of(m, language))
            .toList());
  }

  private static AreaLevel level(String slug) {
    return switch (slug) {
      case "region" -> AreaLevel.REGION;
      case "sub-region" -> AreaLevel.SUB_REGION;
      case "municipality" -> AreaLevel.MUNICIPALITY;
      default ->
          throw new ResponseStatusException(
              HttpStatus.BAD_REQUEST, "Unknown level '" + slug + "': use " + LEVEL);
    };
  }

  /** An area as the API shows it. */
  @Schema(name = "Area")
  record AreaJson(
      @Schema(allowableValues = {"region", "sub-region", "municipality"}) String level,
      @Schema(description = "The official code, zero-padded", example = "837") String code,
      @Schema(example = "Tampere") String name,
      @Schema(description = "The language of the name", example = "fi") String nameLanguage,
      @Schema(description = "true when the name is not in the language asked for") boolean fallback,
      @Schema(description = "The region the area is in (itself for a region)", example = "06")
          String regionCode,
      @Schema(description = "The sub-region of a municipality; null for a region", example = "064")
          @Nullable String subRegionCode) {

    static AreaJson of(Area area, Language language) {
      LocalizedText name = area.name(language);
      return new AreaJson(
          area.level().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          area.code(),
          name.text(),
          name.language().code(),
          name.fallback(),
          area.regionCode(),
          area.subRegionCode());
    }
  }

  /** An area and its municipalities. */
  record AreaWithMunicipalitiesJson(AreaJson area, List<AreaJson> municipalities) {}
}
