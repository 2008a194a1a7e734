package fi.osaava.labourmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.ReferenceData;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.web.WebTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statistics import, synthetic ads and job-ad ingestion on the real reference data and the real
 * database: name matching, idempotency, reposts, and a batch that fails midway.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LabourMarketDataTest extends WebTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired LabourMarketApi api;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentificationApi identification;

  StatisticsImportReport first;

  @BeforeAll
  void importStatistics() {
    first = imports.importStatistics(ReferenceData.directory(), ImportProgress.silent());
  }

  @Test
  @Order(1)
  void statisticsAreImportedWithNamesMatchedAndUnmatchedReported() {
    assertThat(first.rows())
        .containsEntry("statfi/data_maakunta_1001.csv", 3382)
        .containsEntry("statfi/data_ammatit_1270.csv", 75775)
        .containsEntry("esco-occupation-indicators-fi.csv", 2982)
        .containsEntry("regions/geo/regions-2023.geojson", 19);
    // Every region name of the series is one of the 19 regions.
    assertThat(first.unmatched()).doesNotContainKey("statfi/data_maakunta_1001.csv");
    Integer uncodedRegions =
        jdbc.queryForObject(
            "select count(*) from lm_area_series where level = 'REGION' and area_code is null",
            Integer.class);
    assertThat(uncodedRegions).isZero();
    assertThat(
            jdbc.queryForObject(
                "select area_code from lm_area_series where area_name = 'Uusimaa' limit 1",
                String.class))
        .isEqualTo("01");
    // The groups of jobseekers without an occupation are no ISCO groups, and must be reported.
    assertThat(first.unmatched().get("statfi/data_ammatit_1270.csv"))
        .anyMatch(n -> n.startsWith("X211 Ei ammattia"))
        .noneMatch(n -> n.matches("\\d{4} .*"));
    assertThat(
            jdbc.queryForObject(
                "select isco_code from lm_occupation_series where group_name like '2512 %' limit 1",
                String.class))
        .isEqualTo("2512");
    // Municipalities merged since the series began cannot match the 2026 classification and are
    // reported; the bilingual form "Maarianhamina - Mariehamn" matches through either name.
    assertThat(first.unmatched().get("statfi/data_kunta_1001.csv"))
        .anyMatch(n -> n.startsWith("Honkajoki"))
        .noneMatch(n -> n.startsWith("Maarianhamina"));
    assertThat(first.unmatched().get("statfi/data_seutukunta_1001.csv"))
        .containsExactly("Kyrönmaa (178 rows)");
  }

  @Test
  @Order(2)
  void reimportGivesTheSameRows() {
    Long before = jdbc.queryForObject("select sum(vacancies) from lm_area_series", Long.class);
    StatisticsImportReport again =
        imports.importStatistics(ReferenceData.directory(), ImportProgress.silent());
    assertThat(again.rows()).isEqualTo(first.rows());
    assertThat(again.unmatched()).isEqualTo(first.unmatched());
    assertThat(jdbc.queryForObject("select sum(vacancies) from lm_area_series", Long.class))
        .isEqualTo(before);
  }

  @Test
  @Order(3)
  void indicatorsComeThroughTheApi() {
    OccupationIndicators indicators =
        api.indicators(
                ConceptUri.of(
                    "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"))
            .orElseThrow();
    assertThat(indicators.iscoGroup()).isEqualTo("2654 Ohjaajat ja tuottajat");
    assertThat(indicators.payDecile()).isEqualTo(7);
    assertThat(indicators.medianHourlyEarnings()).isEqualTo(21.01);
    assertThat(api.indicators(ConceptUri.of("http://data.europa.eu/esco/occupation/none")))
        .isEmpty();
  }

  String generate(int count, long seed) {
    StringWriter out = new StringWriter();
    imports.generateJobAds(count, seed, out);
    return out.toString();
  }

  @Test
  @Order(4)
  void syntheticAdsAreDeterministicMultilingualAndMarked() {
    String ads = generate(200, 7);
    assertThat(generate(200, 7)).isEqualTo(ads);
    assertThat(generate(200, 8)).isNotEqualTo(ads);
    List<String> lines = ads.lines().toList();
    assertThat(lines).hasSize(200).allMatch(l -> l.contains("\"osaava:synthetic\":true"));
    assertThat(lines).anyMatch(l -> l.contains("\"inLanguage\":\"fi\""));
    assertThat(lines).anyMatch(l -> l.contains("\"inLanguage\":\"sv\""));
    assertThat(lines).anyMatch(l -> l.contains("\"inLanguage\":\"en\""));
  }

  JobAdIngestReport ingest(String json, ImportProgress progress) {
    return imports.ingestJobAds(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test", progress);
  }

  long counted() {
    return jdbc.queryForObject(
        "select count(*) from lm_job_ad where duplicate_of is null", Long.class);
  }

  long aggregated() {
    // The skill rollups, kept by the same writes, must agree with the full aggregate row for row.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select region_code, month, skill_uri, sum(ads) as n from"
                    + " lm_demand_skill group by 1, 2, 3) f full join lm_demand_skill_region r"
                    + " using (region_code, month, skill_uri) where f.n is distinct from r.ads",
                Long.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from (select month, skill_uri, sum(ads) as n from"
                    + " lm_demand_skill group by 1, 2) f full join lm_demand_skill_national r"
                    + " using (month, skill_uri) where f.n is distinct from r.ads",
                Long.class))
        .isZero();
    return jdbc.queryForObject("select coalesce(sum(ads), 0) from lm_demand_ads", Long.class);
  }

  @Test
  @Order(5)
  void ingestionEnrichesAdsDetectsRepostsAndIsIdempotent() {
    String ads = generate(400, 11);
    long countedBefore = counted();
    JobAdIngestReport report = ingest(ads, ImportProgress.silent());
    assertThat(report.read()).isEqualTo(400);
    assertThat(report.added() + report.duplicates()).isEqualTo(400);
    // The generator reposts about 4 % of ads; each must be folded into its original.
    assertThat(report.duplicates()).isBetween(5, 40);
    assertThat(report.withMunicipality()).isEqualTo(400);
    assertThat(report.withOccupation()).isGreaterThan(300);
    assertThat(counted() - countedBefore).isEqualTo(report.added());
    assertThat(aggregated()).isEqualTo(counted());
    Integer withSkills =
        jdbc.queryForObject(
            "select count(distinct s.ad_id) from lm_job_ad_skill s join lm_job_ad a on a.id ="
                + " s.ad_id where a.source_key like 'synthetic-11-%'",
            Integer.class);
    assertThat(withSkills).isGreaterThan(350);
    String evidence =
        jdbc.queryForObject(
            "select evidence from lm_job_ad_skill s join lm_job_ad a on a.id = s.ad_id"
                + " where a.source_key like 'synthetic-11-%' limit 1",
            String.class);
    assertThat(evidence).contains("\"start\"").contains("\"text\"");

    JobAdIngestReport again = ingest(ads, ImportProgress.silent());
    assertThat(again.unchanged()).isEqualTo(400);
    assertThat(again.added()).isZero();
    assertThat(aggregated()).isEqualTo(counted());

    List<MatchableJobAd> open = new ArrayList<>();
    api.forEachOpenJobAd(open::add);
    // The generator dates its ads up to today by the injected clock, so some are still open.
    assertThat(open).isNotEmpty().allMatch(MatchableJobAd::synthetic);
    MatchableJobAd one = api.jobAd(JobAdId.of(open.getFirst().id().toString())).orElseThrow();
    assertThat(one.title()).isEqualTo(open.getFirst().title());
  }

  /**
   * Ingestion identifies a batch's texts in parallel parts; each ad must still get exactly what
   * identification gives its text alone (the oracle), whichever thread identified it.
   */
  @Test
  @Order(6)
  void eachAdGetsTheSkillsItsTextGetsAlone() {
    List<java.util.Map<String, Object>> ads =
        jdbc.queryForList(
            "select id, title, description from lm_job_ad where source_key like 'synthetic-11-%'"
                + " order by md5(source_key) limit 40");
    assertThat(ads).hasSize(40);
    IdentifyOptions options =
        new IdentifyOptions(25, IdentifyOptions.DEFAULT_THRESHOLD, false, true, null);
    for (java.util.Map<String, Object> ad : ads) {
      java.util.Set<String> alone = new java.util.HashSet<>();
      identification
          .identify(ad.get("title") + ".\n" + ad.get("description"), null, options)
          .skills()
          .stream()
          .filter(c -> c.type() == ConceptType.SKILL)
          .forEach(c -> alone.add(c.uri().value()));
      java.util.Set<String> chosen =
          new java.util.HashSet<>(
              jdbc.queryForList(
                  "select skill_uri from lm_job_ad_skill where ad_id = ? and chosen",
                  String.class,
                  ad.get("id")));
      java.util.Set<String> identified =
          new java.util.HashSet<>(
              jdbc.queryForList(
                  "select skill_uri from lm_job_ad_skill where ad_id = ? and not chosen",
                  String.class,
                  ad.get("id")));
      java.util.Set<String> expected = new java.util.HashSet<>(alone);
      expected.removeAll(chosen);
      assertThat(identified).as("skills of ad %s", ad.get("id")).isEqualTo(expected);
    }
  }

  @Test
  @Order(7)
  void anInputFailingMidwayStoresNothingAndARerunStoresItOnce() {
    String ads = generate(600, 23);
    long before = counted();
    AtomicInteger stored = new AtomicInteger();
    assertThatThrownBy(
            () ->
                ingest(
                    ads,
                    message -> {
                      if (stored.incrementAndGet() == 400) {
                        throw new IllegalStateException("simulated crash");
                      }
                    }))
        .hasMessageContaining("simulated crash");
    // The first batch (250 ads) was written before the crash, but the input is one transaction.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from lm_job_ad where source_key like 'synthetic-23-%'",
                Integer.class))
        .isZero();
    assertThat(counted()).isEqualTo(before);
    assertThat(aggregated()).isEqualTo(counted());

    JobAdIngestReport rerun = ingest(ads, ImportProgress.silent());
    assertThat(rerun.unchanged()).isZero();
    assertThat(rerun.added() + rerun.duplicates()).isEqualTo(600);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from lm_job_ad where source_key like 'synthetic-23-%'",
                Integer.class))
        .isEqualTo(600);
    assertThat(aggregated()).isEqualTo(counted());
    assertThat(counted()).isGreaterThan(before);
  }

  @Test
  @Order(8)
  void aBadAdIsReportedWithLineAndField() {
    String json =
        """
        {"@type":"JobPosting","identifier":"bad-1","title":"Kokki","description":"Ruoanlaitto.","datePosted":"2026-10-01"}
        {"@type":"JobPosting","identifier":"bad-2","title":"Kokki","description":"Ruoanlaitto.","datePosted":"1.10.2026"}
        """;
    assertThatThrownBy(() -> ingest(json, ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("datePosted");
            });
  }

  @Test
  @Order(9)
  void skillDemandShareIsTheShareOfRecentAds() {
    String skill =
        jdbc.queryForObject(
            "select skill_uri from lm_demand_skill group by skill_uri order by sum(ads) desc,"
                + " skill_uri limit 1",
            String.class);
    double share = api.skillDemandShare(ConceptUri.of(skill), null).orElseThrow();
    assertThat(share).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(api.skillDemandShare(ConceptUri.of(skill), "99")).isEmpty();
  }

  /**
   * The reference data with the municipal series cut to its first half at a line boundary, as an
   * interrupted download leaves it: every row still reads, so only the shrink guard can tell.
   */
  private static Path referenceDataWithHalfTheMunicipalSeries(Path temp) throws IOException {
    Path data = ReferenceData.directory();
    Files.createSymbolicLink(temp.resolve("regions"), data.resolve("regions"));
    Path statfi = Files.createDirectories(temp.resolve("labour-market/statfi"));
    Files.createSymbolicLink(
        temp.resolve("labour-market/esco-occupation-indicators-fi.csv"),
        data.resolve("labour-market/esco-occupation-indicators-fi.csv"));
    try (var files = Files.list(data.resolve("labour-market/statfi"))) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().equals("data_kunta_1001.csv")) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          Files.write(statfi.resolve(file.getFileName()), lines.subList(0, lines.size() / 2));
        } else {
          Files.createSymbolicLink(statfi.resolve(file.getFileName()), file);
        }
      }
    }
    return temp;
  }

  @Test
  @Order(10)
  void aStatisticsFileWithFarFewerRowsReplacesNothingUnlessAllowed(@TempDir Path temp)
      throws IOException {
    Path shrunk = referenceDataWithHalfTheMunicipalSeries(temp);
    Long rowsBefore = jdbc.queryForObject("select count(*) from lm_area_series", Long.class);

    assertThatThrownBy(() -> imports.importStatistics(shrunk, ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("statfi/data_kunta_1001.csv");
              assertThat(e.problem())
                  .contains("rows of the previous import")
                  .contains("--allow-shrink");
            });
    assertThat(jdbc.queryForObject("select count(*) from lm_area_series", Long.class))
        .isEqualTo(rowsBefore);

    StatisticsImportReport allowed =
        imports.importStatistics(shrunk, true, ImportProgress.silent());
    assertThat(allowed.rows().get("statfi/data_kunta_1001.csv"))
        .isLessThan(first.rows().get("statfi/data_kunta_1001.csv"));
    // Back to the whole series for the tests that share this database.
    assertThat(imports.importStatistics(ReferenceData.directory(), ImportProgress.silent()).rows())
        .isEqualTo(first.rows());
  }
}
