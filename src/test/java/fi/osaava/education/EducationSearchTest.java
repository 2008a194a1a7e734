package fi.osaava.education;

import fi.osaava.education.internal.SkillBackfill;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.web.WebTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The education search contract on the default Lucene backend, in the shared test context. */
class EducationSearchTest extends WebTestBase implements EducationSearchContract {

  @Autowired EducationCatalogue catalogue;
  @Autowired EducationSearchService search;
  @Autowired SkillBackfill backfill;
  @Autowired JdbcTemplate jdbc;
  @Autowired EducationPush push;

  @Override
  public EducationCatalogue catalogue() {
    return catalogue;
  }

  @Override
  public EducationSearchService search() {
    return search;
  }

  @Override
  public SkillBackfill backfill() {
    return backfill;
  }

  @Override
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public EducationPush push() {
    return push;
  }

  @Override
  public MockMvc mvc() {
    return mvc;
  }
}
