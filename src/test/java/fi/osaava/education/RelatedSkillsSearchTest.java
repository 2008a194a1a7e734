package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.education.internal.SkillBackfill;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.web.WebTestBase;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The education search's last resort on the page and in the API: words that name nothing in the
 * catalogue are answered through the skills they name, and both say so. The search itself is in
 * {@link EducationSearchContract}, on both backends.
 */
class RelatedSkillsSearchTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired SkillBackfill backfill;
  @Autowired EducationSearchService search;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void importCatalogue() {
    EducationTestData.ensureImported(catalogue);
    backfill.runToCompletion();
  }

  @Test
  void thePageAndTheApiSayTheResultsAreRelated() throws Exception {
    String page =
        mvc.perform(get("/education").param("q", "bilmekaniker").locale(Locale.of("sv")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"related-notice\"").contains("Ingen utbildning motsvarar");

    mvc.perform(get("/api/v1/education/search").param("q", "sähköasentaja").param("lang", "fi"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.relatedVia[0].text").value("sähköasentaja"))
        .andExpect(jsonPath("$.items").isNotEmpty());
  }
}
