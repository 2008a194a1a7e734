package fi.osaava.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.education.internal.importer.SyntheticOfferings;
import fi.osaava.education.internal.search.EducationIndexer;
import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchResult.Hit;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scale-up generator on a few hundred records: every record is stored as synthetic, recombines
 * real records, is deterministic per seed, is found by the search and is labelled synthetic by the
 * API and the offering page. The records are removed again so other tests see the real catalogue.
 */
class SyntheticOfferingsTest extends WebTestBase {

  private static final long SEED = 424_242;
  private static final int COUNT = 300;

  @Autowired EducationCatalogue catalogue;
  @Autowired SyntheticOfferings synthetic;
  @Autowired EducationIndexer indexer;
  @Autowired EducationSearchService search;
  @Autowired JdbcTemplate jdbc;

  @Test
  void generatesLabelledSearchableSyntheticOfferings() throws Exception {
    EducationTestData.ensureImported(catalogue);
    try {
      int written = catalogue.generateSynthetic(COUNT, SEED, ImportProgress.silent());
      assertThat(written).isEqualTo(COUNT);
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select id, synthetic, title_fi, title_sv, title_en, skills_identified_at,"
                  + " (select count(*) from education_implementation i where i.offering_id = o.id)"
                  + " as implementations"
                  + " from education_offering o where source = ? and starts_with(source_id, ?)"
                  + " order by source_id",
              SyntheticOfferings.SOURCE,
              SEED + "/");
      assertThat(rows).hasSize(COUNT);
      assertThat(rows).allSatisfy(r -> assertThat(r.get("synthetic")).isEqualTo(true));
      assertThat(rows).allSatisfy(r -> assertThat(r.get("skills_identified_at")).isNotNull());
      assertThat(rows)
          .allSatisfy(r -> assertThat((Long) r.get("implementations")).isBetween(1L, 2L));
      // Titles come from real records: every synthetic title is some real offering's title.
      Long foreign =
          jdbc.queryForObject(
              "select count(*) from education_offering s where s.source = ?"
                  + " and starts_with(s.source_id, ?) and not exists (select 1 from"
                  + " education_offering r where not r.synthetic and r.title_fi is not distinct"
                  + " from s.title_fi and r.title_sv is not distinct from s.title_sv)",
              Long.class,
              SyntheticOfferings.SOURCE,
              SEED + "/");
      assertThat(foreign).isZero();

      // The same seed gives the same records: nothing to rewrite.
      assertThat(catalogue.generateSynthetic(COUNT, SEED, ImportProgress.silent())).isZero();

      Map<String, Object> sample =
          rows.stream().filter(r -> r.get("title_fi") != null).findFirst().orElseThrow();
      UUID id = (UUID) sample.get("id");
      EducationSearchResult result =
          search.search(
              new EducationQuery(
                  (String) sample.get("title_fi"),
                  null,
                  Map.of(),
                  false,
                  Set.of(),
                  EducationQuery.SortOrder.RELEVANCE,
                  0,
                  50,
                  Language.FI));
      Hit hit =
          result.hits().stream()
              .filter(h -> h.id().equals(id))
              .findFirst()
              .orElseThrow(() -> new AssertionError("synthetic offering " + id + " not found"));
      assertThat(hit.synthetic()).isTrue();

      mvc.perform(get("/api/v1/education/offerings/" + id).param("lang", "en"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.synthetic").value(true));
      String page =
          mvc.perform(get("/education/offerings/" + id).header("Accept-Language", "en"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("synthetic record generated for testing");
    } finally {
      indexer.reindex(synthetic.delete(SEED));
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from education_offering where source = ?"
                    + " and starts_with(source_id, ?)",
                Long.class,
                SyntheticOfferings.SOURCE,
                SEED + "/"))
        .isZero();
  }
}
