package fi.osaava.opendata.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.SkillDemandCell;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.PublishedSurvey;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.ServiceDirectoryDump;
import fi.osaava.taxonomy.ConceptUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The open datasets' rows, read from the other modules through their APIs only: skill demand by
 * region and month (labour market), education supply by skill and region (education), the published
 * survey results (regional intelligence) and the service directory (service network).
 */
@Component
public class OpenDatasets {

  /**
   * Cells of fewer job ads than this are left out of the skill demand: a count of one or two in a
   * region, month and skill can point at one employer's recruitment.
   */
  public static final int MINIMUM_ADS = 3;

  /** The region of offerings that can be taken entirely online. */
  public static final String ONLINE = "online";

  /**
   * Offerings teaching a skill in a region.
   *
   * @param regionCode the two-digit region code, or {@value #ONLINE}
   * @param offerings active offerings taught on site in the region (or online) that teach it
   */
  public record SupplyCell(String regionCode, String skillUri, long offerings) {}

  private final LabourMarketApi labourMarket;
  private final EducationApi education;
  private final RegionsApi regions;
  private final RegionalSurveysApi surveys;
  private final ServiceDirectoryDump services;

  OpenDatasets(
      LabourMarketApi labourMarket,
      EducationApi education,
      RegionsApi regions,
      RegionalSurveysApi surveys,
      ServiceDirectoryDump services) {
    this.labourMarket = labourMarket;
    this.education = education;
    this.regions = regions;
    this.surveys = surveys;
    this.services = services;
  }

  /** The active service directory, general descriptions and providers' services, by id. */
  public void services(Consumer<ServiceDirectoryDump.DumpedService> consumer) {
    services.forEachActive(consumer);
  }

  public void skillDemand(Consumer<SkillDemandCell> consumer) {
    labourMarket.forEachSkillDemandCell(MINIMUM_ADS, consumer);
  }

  public boolean demandHasSyntheticAds() {
    return labourMarket.hasSyntheticAds();
  }

  /**
   * Active offerings by region and skill, ordered by region and skill; an offering taught in
   * several municipalities of a region counts once there. Generated (synthetic) offerings are left
   * out.
   */
  public List<SupplyCell> educationSupply() {
    Map<String, String> regionOf = new HashMap<>();
    for (Area municipality : regions.areas(AreaLevel.MUNICIPALITY)) {
      regionOf.put(municipality.code(), municipality.regionCode());
    }
    Map<String, Map<String, long[]>> counts = new TreeMap<>();
    education.forEachMatchableOffering(
        Language.FI,
        offering -> {
          if (offering.synthetic()) {
            return;
          }
          java.util.Set<String> where = new java.util.TreeSet<>();
          for (String municipality : offering.municipalityCodes()) {
            String region = regionOf.get(municipality);
            if (region != null) {
              where.add(region);
            }
          }
          if (offering.online()) {
            where.add(ONLINE);
          }
          for (String region : where) {
            Map<String, long[]> bySkill = counts.computeIfAbsent(region, r -> new TreeMap<>());
            for (ConceptUri skill : offering.skills()) {
              bySkill.computeIfAbsent(skill.value(), s -> new long[1])[0]++;
            }
          }
        });
    List<SupplyCell> cells = new ArrayList<>();
    counts.forEach(
        (region, bySkill) ->
            bySkill.forEach((skill, n) -> cells.add(new SupplyCell(region, skill, n[0]))));
    return cells;
  }

  public List<PublishedSurvey> publishedSurveys() {
    return surveys.publishedSurveys();
  }
}
